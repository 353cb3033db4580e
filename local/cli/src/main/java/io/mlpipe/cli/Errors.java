package io.mlpipe.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * How a command's failure reaches the user: one line on stderr saying what to do, no stack trace for
 * the failures we expect (a {@link CliException}, an AWS error answer, an unreachable service).
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliException cli) {
            err.println("mlpipe: " + cli.getMessage());
            err.flush();
            return cli.exitCode();
        }
        if (e instanceof AwsServiceException aws) {
            err.println("mlpipe: " + aws.awsErrorDetails().serviceName() + " answered "
                    + aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage());
        } else if (e instanceof SdkClientException client) {
            err.println("mlpipe: " + client.getMessage() + " (is the twin still running? ./mlpipe info; on AWS check"
                    + " your network and credentials)");
        } else {
            err.println("mlpipe: unexpected failure, please report it with this trace:");
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
