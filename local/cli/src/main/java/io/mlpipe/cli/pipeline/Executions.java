package io.mlpipe.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/** Finding the pipeline's executions: by ARN or name, the newest, the one a drop started. */
public final class Executions {
    private Executions() {
    }

    /** Up to {@code limit} executions, newest first, optionally of one status. */
    public static List<ExecutionListItem> list(Pipeline pipeline, String status, int limit) {
        ExecutionStatus filter = null;
        if (status != null) {
            filter = ExecutionStatus.fromValue(status.toUpperCase(java.util.Locale.ROOT));
            if (filter == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
                throw new CliException("unknown status " + status + ": use one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED");
            }
        }
        ExecutionStatus statusFilter = filter;
        return pipeline.sfn().listExecutionsPaginator(r -> r.stateMachineArn(pipeline.resources().stateMachineArn())
                        .statusFilter(statusFilter).maxResults(Math.min(limit, 1000)))
                .executions().stream().limit(limit)
                .sorted(Comparator.comparing(ExecutionListItem::startDate).reversed()).toList();
    }

    /** An execution ARN from an ARN or an execution name; the newest execution when null. */
    public static String resolve(Pipeline pipeline, String arnOrName) {
        if (arnOrName == null) {
            return list(pipeline, null, 50).stream().findFirst().map(ExecutionListItem::executionArn)
                    .orElseThrow(() -> new CliException("no executions yet: drop data with ./mlpipe upload FILE --model NAME"
                            + " or start one with ./mlpipe run --model NAME"));
        }
        if (arnOrName.startsWith("arn:")) {
            return arnOrName;
        }
        return pipeline.resources().stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + arnOrName;
    }

    /** DescribeExecution, failing with what to do when there is no such execution. */
    public static DescribeExecutionResponse describe(Pipeline pipeline, String executionArn) {
        try {
            return pipeline.sfn().describeExecution(r -> r.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            throw new CliException("no execution " + executionArn + ": ./mlpipe executions lists them");
        }
    }

    public static Set<String> arns(Pipeline pipeline) {
        return list(pipeline, null, 1000).stream().map(ExecutionListItem::executionArn).collect(Collectors.toSet());
    }

    /** Waits for the execution a drop of {@code key} started (one not in {@code before}). */
    public static String awaitStartedFor(Pipeline pipeline, String key, Set<String> before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ExecutionListItem item : list(pipeline, null, 50)) {
                if (!before.contains(item.executionArn())
                        && key.equals(keyOf(pipeline.sfn().describeExecution(r -> r.executionArn(item.executionArn()))))) {
                    return item.executionArn();
                }
            }
            ExecutionWatcher.sleep(Duration.ofMillis(pipeline.onAws() ? 2000 : 100));
        }
        throw new CliException("no execution started for s3://" + pipeline.resources().bucket() + "/" + key + " within "
                + timeout.toSeconds() + " s: the S3 -> EventBridge rule did not fire (see ./mlpipe executions, and the"
                + " rule's dead-letter queue); ./mlpipe run --model " + ModelName.ofKey(key) + " starts one by hand");
    }

    /** The data key an execution's input names (EventBridge event or manual {bucket, key}). */
    public static String keyOf(DescribeExecutionResponse execution) {
        JsonNode input = json(execution.input());
        JsonNode key = input.path("detail").path("object").path("key");
        return key.isTextual() ? key.asText() : input.path("key").asText(null);
    }

    public static String modelOf(DescribeExecutionResponse execution) {
        return ModelName.ofKey(keyOf(execution));
    }

    public static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.object();
        }
    }
}
