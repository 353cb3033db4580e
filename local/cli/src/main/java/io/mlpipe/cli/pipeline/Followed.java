package io.mlpipe.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.connection.Pipeline;
import java.io.PrintWriter;
import java.time.Duration;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * An execution followed to its end and what the pipeline decided: the execution's output carries
 * {@code status} (DEPLOYED, REJECTED), {@code modelVersion}, the metric and the gate's {@code reason}.
 */
public record Followed(String executionArn, ExecutionWatcher.Outcome outcome, JsonNode output) {

    /** Follows the execution live on {@code out}, then prints one line: how it ended and why. */
    public static Followed follow(Pipeline pipeline, String executionArn, PrintWriter out, Duration timeout) {
        DescribeExecutionResponse started = Executions.describe(pipeline, executionArn);
        out.println("execution " + started.name() + " (model " + Executions.modelOf(started) + ", s3://"
                + pipeline.resources().bucket() + "/" + Executions.keyOf(started) + ")");
        out.flush();
        boolean live = System.console() != null;
        Duration poll = Duration.ofMillis(pipeline.onAws() ? 2000 : 100);
        ExecutionWatcher.Outcome outcome = new ExecutionWatcher(pipeline.sfn(), out, live, poll).follow(executionArn, timeout);
        JsonNode output = Executions.json(pipeline.sfn().describeExecution(r -> r.executionArn(executionArn)).output());
        Followed followed = new Followed(executionArn, outcome, output);
        out.println(followed.summary());
        out.flush();
        return followed;
    }

    /** DEPLOYED, REJECTED, DUPLICATE...; for a failed execution its status (FAILED, TIMED_OUT, ABORTED). */
    public String decision() {
        return outcome.succeeded() ? output.path("status").asText("SUCCEEDED") : outcome.status();
    }

    public String summary() {
        String took = ExecutionWatcher.seconds(outcome.duration());
        if (!outcome.succeeded()) {
            String name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
            return "  → " + outcome.status() + " after " + took + ": " + outcome.error() + " " + nullToEmpty(outcome.cause())
                    + "\n    look at: ./mlpipe history " + name + " ; ./mlpipe logs preprocess ; ./mlpipe logs <trainingJobName>";
        }
        if (output.has("modelVersion")) {
            return "  → " + decision() + " version " + output.path("modelVersion").asText() + " after " + took + ": "
                    + output.path("reason").asText();
        }
        return "  → " + decision() + " after " + took;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
