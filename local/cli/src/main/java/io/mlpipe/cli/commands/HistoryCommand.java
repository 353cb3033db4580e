package io.mlpipe.cli.commands;

import io.mlpipe.cli.pipeline.ExecutionWatcher;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.connection.Pipeline;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "An execution's event history: each event, its time since the start, its state, errors and causes.")
public final class HistoryCommand extends PipelineCommand {
    @Parameters(paramLabel = "EXECUTION", description = "ARN or name (./mlpipe executions lists them).")
    String execution;

    @Override
    int run(Pipeline pipeline) {
        String arn = Executions.describe(pipeline, Executions.resolve(pipeline, execution)).executionArn();
        Instant start = null;
        out().printf("%4s %9s  %-28s %s%n", "ID", "AT", "TYPE", "STATE / DETAIL");
        for (HistoryEvent event : pipeline.sfn().getExecutionHistoryPaginator(r -> r.executionArn(arn).maxResults(1000)).events()) {
            if (start == null) {
                start = event.timestamp();
            }
            out().printf("%4d %9s  %-28s %s%n", event.id(), ExecutionWatcher.seconds(Duration.between(start, event.timestamp())),
                    event.typeAsString(), detail(event));
        }
        out().flush();
        return 0;
    }

    private static String detail(HistoryEvent e) {
        if (e.stateEnteredEventDetails() != null) {
            return e.stateEnteredEventDetails().name();
        }
        if (e.stateExitedEventDetails() != null) {
            return e.stateExitedEventDetails().name();
        }
        if (e.taskScheduledEventDetails() != null) {
            String job = ExecutionWatcher.trainingJobName(e);
            return e.taskScheduledEventDetails().resourceType() + ":" + e.taskScheduledEventDetails().resource()
                    + (job == null ? "" : " " + job);
        }
        String failure = ExecutionWatcher.failureText(e);
        return failure == null ? "" : failure;
    }
}
