package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;

/**
 * What StartExecution knows; the fields of $$.Execution and $$.StateMachine come from here.
 *
 * @param startTimeMillis 0 to take the engine clock's time
 */
public record ExecutionRequest(String executionArn, String name, String stateMachineArn, String stateMachineName,
                               String roleArn, JsonNode input, long startTimeMillis) {

    /** A request with made-up local ARNs, for tools and tests. */
    public static ExecutionRequest of(String name, JsonNode input) {
        String sm = "arn:aws:states:us-east-1:000000000000:stateMachine:local";
        return new ExecutionRequest("arn:aws:states:us-east-1:000000000000:execution:local:" + name, name, sm, "local",
                "arn:aws:iam::000000000000:role/local", input == null ? Json.object() : input, 0);
    }
}
