package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.json.Json;

/**
 * One state machine as the API describes it, with its definition parsed once by the engine.
 *
 * @param type STANDARD or EXPRESS
 * @param loggingConfiguration as given (JSON), or null
 */
record StateMachine(String name, String arn, String definitionText, StateMachineDefinition definition, String roleArn,
                    String type, long creationMillis, long updateMillis, JsonNode loggingConfiguration) {

    StateMachine withUpdate(String newDefinitionText, StateMachineDefinition newDefinition, String newRoleArn,
                            JsonNode newLogging, long nowMillis) {
        return new StateMachine(name, arn, newDefinitionText, newDefinition, newRoleArn, type, creationMillis, nowMillis,
                newLogging);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object().put("name", name).put("arn", arn).put("definition", definitionText)
                .put("roleArn", roleArn).put("type", type).put("creationMillis", creationMillis)
                .put("updateMillis", updateMillis);
        if (loggingConfiguration != null) {
            o.set("loggingConfiguration", loggingConfiguration);
        }
        return o;
    }

    /** Reads what {@link #toJson()} wrote; the definition was valid when it was stored. */
    static StateMachine fromJson(JsonNode o) {
        String text = o.path("definition").asText();
        return new StateMachine(o.path("name").asText(), o.path("arn").asText(), text, StateMachineDefinition.parse(text),
                o.path("roleArn").asText(null), o.path("type").asText("STANDARD"), o.path("creationMillis").asLong(),
                o.path("updateMillis").asLong(), o.hasNonNull("loggingConfiguration") ? o.get("loggingConfiguration") : null);
    }
}
