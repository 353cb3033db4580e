package io.mlpipe.cli.commands;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.Uploads;
import io.mlpipe.cli.connection.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Put a CSV at incoming/<model>/ in the data bucket, where the pipeline picks it up.")
public final class UploadCommand extends PipelineCommand {
    @Parameters(paramLabel = "FILE", description = "A CSV with a header row and a target column.")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model this data trains (e.g. churn).")
    String model;

    @Option(names = "--watch", description = "Then follow the execution the drop starts until it ends.")
    boolean watch;

    @Override
    int run(Pipeline pipeline) {
        byte[] csv;
        try {
            csv = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        Set<String> before = watch ? Executions.arns(pipeline) : Set.of();
        String key = Uploads.put(pipeline, model, file.getFileName().toString(), csv);
        out().println("uploaded s3://" + pipeline.resources().bucket() + "/" + key + " (" + csv.length + " bytes)");
        if (!watch) {
            out().println("the pipeline starts on it: ./mlpipe watch follows the newest execution");
            out().flush();
            return 0;
        }
        out().flush();
        String arn = Executions.awaitStartedFor(pipeline, key, before, Duration.ofSeconds(pipeline.onAws() ? 120 : 30));
        return Followed.follow(pipeline, arn, out(), Duration.ofHours(3)).outcome().succeeded() ? 0 : 1;
    }
}
