package io.mlpipe.cli.commands;

import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.connection.Pipeline;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow an execution live until it ends: each state, its status and time.",
                "Exit status 0 when it succeeded, 1 when it failed, timed out or was aborted."})
public final class WatchCommand extends PipelineCommand {
    @Parameters(arity = "0..1", paramLabel = "EXECUTION", description = "ARN or name (default: the newest execution).")
    String execution;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10800",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    int run(Pipeline pipeline) {
        String arn = Executions.resolve(pipeline, execution);
        return Followed.follow(pipeline, arn, out(), Duration.ofSeconds(timeoutSeconds)).outcome().succeeded() ? 0 : 1;
    }
}
