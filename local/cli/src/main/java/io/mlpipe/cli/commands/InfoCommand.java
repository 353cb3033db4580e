package io.mlpipe.cli.commands;

import io.mlpipe.cli.connection.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Where the pipeline is: edge endpoint, bucket, state machine, REST API URL, tables, console.")
public final class InfoCommand extends PipelineCommand {
    @Option(names = "--json", description = "One JSON object (endpoint, bucket, stateMachineArn, apiUrl, consoleUrl, tables, ...).")
    boolean json;

    @Override
    int run(Pipeline pipeline) {
        if (json) {
            out().println(pipeline.resources().toJson().toString());
            out().flush();
        } else {
            out().println("mlpipe on " + (pipeline.onAws() ? "AWS" : "the local twin"));
            ResourceLines.print(pipeline.resources(), out());
        }
        return 0;
    }
}
