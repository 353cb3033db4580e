package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The "Step Functions Execution Status Change" events AWS puts on the default bus when an execution
 * starts and ends (source {@code aws.states}), so rules on them work locally too.
 */
final class StatusChangeEvents implements Consumer<ExecutionRecord> {
    private final String region;
    private final String account;
    private final Consumer<ObjectNode> bus;

    StatusChangeEvents(String region, String account, Consumer<ObjectNode> bus) {
        this.region = region;
        this.account = account;
        this.bus = bus;
    }

    @Override
    public void accept(ExecutionRecord r) {
        ObjectNode event = Json.object().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", "Step Functions Execution Status Change").put("source", "aws.states")
                .put("account", account).put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        event.putArray("resources").add(r.arn());
        ObjectNode d = event.putObject("detail").put("executionArn", r.arn()).put("stateMachineArn", r.stateMachineArn())
                .put("name", r.name()).put("status", r.status().name()).put("startDate", r.startMillis());
        boolean ended = r.status() != ExecutionStatus.RUNNING;
        if (ended) {
            d.put("stopDate", r.stopMillis());
        } else {
            d.putNull("stopDate");
        }
        d.put("input", r.inputText());
        d.putObject("inputDetails").put("included", true);
        d.put("output", r.output());
        d.putObject("outputDetails").put("included", true);
        d.put("error", r.error());
        d.put("cause", r.cause());
        bus.accept(event);
    }
}
