package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How an execution ended: the output when it succeeded, else the error and cause. */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause) {
    public boolean succeeded() { return status == ExecutionStatus.SUCCEEDED; }
}
