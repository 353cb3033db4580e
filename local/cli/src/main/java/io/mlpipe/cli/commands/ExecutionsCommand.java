package io.mlpipe.cli.commands;

import io.mlpipe.cli.pipeline.ExecutionWatcher;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.connection.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

@Command(name = "executions", mixinStandardHelpOptions = true,
        description = "List the pipeline's executions, newest first: name, status, model, start, duration.")
public final class ExecutionsCommand extends PipelineCommand {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--model", paramLabel = "NAME", description = "Only this model's executions.")
    String model;

    @Option(names = "--status", paramLabel = "S", description = "Only RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED ones.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(Pipeline pipeline) {
        out().printf("%-60s %-10s %-16s %-19s %9s%n", "NAME", "STATUS", "MODEL", "STARTED (UTC)", "DURATION");
        int shown = 0;
        // the model is in each execution's input: look at more than --limit when filtering by model
        for (ExecutionListItem item : Executions.list(pipeline, status, model == null ? limit : Math.max(limit, 200))) {
            if (shown >= limit) {
                break;
            }
            DescribeExecutionResponse execution = Executions.describe(pipeline, item.executionArn());
            String executionModel = Executions.modelOf(execution);
            if (model != null && !model.equals(executionModel)) {
                continue;
            }
            Instant end = item.stopDate() != null ? item.stopDate() : Instant.now();
            out().printf("%-60s %-10s %-16s %-19s %9s%n", item.name(), item.statusAsString(),
                    executionModel == null ? "-" : executionModel, TIME.format(item.startDate()),
                    ExecutionWatcher.seconds(Duration.between(item.startDate(), end)));
            shown++;
        }
        if (shown == 0) {
            out().println("(none" + (model != null ? " for model " + model : "") + (status != null ? " with status " + status : "")
                    + ": ./mlpipe upload FILE --model NAME starts one)");
        }
        out().flush();
        return 0;
    }
}
