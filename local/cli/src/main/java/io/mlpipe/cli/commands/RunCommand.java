package io.mlpipe.cli.commands;

import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.ModelName;
import io.mlpipe.cli.pipeline.Uploads;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.protocol.Json;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Re-run the pipeline by hand (StartExecution with {\"bucket\",\"key\"}) and print the execution ARN.",
                "A manual run always trains, even on data that already ran."})
public final class RunCommand extends PipelineCommand {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model to retrain.")
    String model;

    @Option(names = "--key", paramLabel = "KEY", description = "The data's key (default: the model's newest drop under incoming/<model>/).")
    String key;

    @Option(names = "--watch", description = "Then follow the execution until it ends (exit status tells how).")
    boolean watch;

    @Override
    int run(Pipeline pipeline) {
        ModelName.check(model);
        String dataKey = key != null ? key : Uploads.latest(pipeline, model);
        String input = Json.object().put("bucket", pipeline.resources().bucket()).put("key", dataKey).toString();
        String name = "manual-" + model + "-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String arn = pipeline.sfn().startExecution(r -> r.stateMachineArn(pipeline.resources().stateMachineArn())
                .name(name).input(input)).executionArn();
        out().println(arn);
        out().flush();
        if (!watch) {
            return 0;
        }
        return Followed.follow(pipeline, arn, out(), Duration.ofHours(3)).outcome().succeeded() ? 0 : 1;
    }
}
