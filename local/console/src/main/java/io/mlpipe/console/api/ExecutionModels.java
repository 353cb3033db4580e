package io.mlpipe.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.console.SdkJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Which model an execution trains: {@code incoming/<model>/...} in its input's key, either shape of
 * CONTRACTS.md (the EventBridge event or the manual {bucket, key}). An input never changes, so each
 * execution is described once.
 */
public final class ExecutionModels {
    private final SfnClient sfn;
    private final Map<String, String> models = new ConcurrentHashMap<>();

    public ExecutionModels(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** The model, or "" for an execution whose input names none. */
    public String of(String executionArn) {
        return models.computeIfAbsent(executionArn, arn -> fromInput(sfn.describeExecution(r -> r.executionArn(arn)).input()));
    }

    static String fromInput(String input) {
        try {
            JsonNode json = SdkJson.MAPPER.readTree(input == null ? "{}" : input);
            String key = json.has("key") ? json.path("key").asText() : json.path("detail").path("object").path("key").asText();
            String[] parts = key.split("/");
            return parts.length >= 3 && parts[0].equals("incoming") ? parts[1] : "";
        } catch (Exception e) {
            return "";
        }
    }
}
