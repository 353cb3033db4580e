package io.mlpipe.tasks.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * config/&lt;model&gt;.json (schema model-config) merged over the defaults of docs/CONTRACTS.md. Public for the
 * {@code mlpipe cost} command, which prices a model's training and endpoint settings from the same defaults.
 *
 * @param problemType "auto" or a problem type id
 * @param metricName null: the problem type's default metric
 * @param threshold null: the default for the metric (see {@link io.mlpipe.tasks.features.ProblemType})
 */
public record ModelConfig(String target, String problemType, String metricName, Double threshold, double minImprovement,
                   Map<String, String> hyperparameters, double validationFraction, int minRows,
                   Map<String, Object> training, Map<String, Object> endpoint) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static ModelConfig defaults() {
        return new ModelConfig("target", "auto", null, null, 0.0,
                ordered("num_round", "100", "max_depth", "5", "eta", "0.2"), 0.2, 20,
                ordered("instanceType", "ml.m5.large", "maxRuntimeSeconds", 3600),
                ordered("mode", "serverless", "memorySizeMb", 2048, "maxConcurrency", 5,
                        "instanceType", "ml.m5.large", "instanceCount", 1));
    }

    /** Parses and validates the configuration file; {@code path} names it in error messages. */
    public static ModelConfig parse(byte[] json, String path) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigValidationError(path + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + "); fix it or delete it to use the defaults");
        } catch (IOException e) {
            throw new ConfigValidationError(path + " cannot be read: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new ConfigValidationError(path + " is empty; write {} or delete it to use the defaults");
        }
        List<String> problems = Schemas.shared().problems(SchemaName.MODEL_CONFIG, node);
        if (!problems.isEmpty()) {
            throw new ConfigValidationError(path + " does not match the model-config schema: " + String.join("; ", problems));
        }
        ModelConfig d = defaults();
        JsonNode metric = node.path("metric");
        Map<String, String> hyperparameters = new LinkedHashMap<>(d.hyperparameters);
        node.path("hyperparameters").fields().forEachRemaining(e -> hyperparameters.put(e.getKey(), e.getValue().asText()));
        return new ModelConfig(
                node.path("target").asText(d.target),
                node.path("problemType").asText(d.problemType),
                metric.has("name") ? metric.get("name").asText() : null,
                metric.has("threshold") ? metric.get("threshold").doubleValue() : null,
                metric.path("minImprovement").asDouble(d.minImprovement),
                hyperparameters,
                node.path("validationFraction").asDouble(d.validationFraction),
                node.path("minRows").asInt(d.minRows),
                merge(d.training, node.path("training")),
                merge(d.endpoint, node.path("endpoint")));
    }

    private static Map<String, Object> merge(Map<String, Object> defaults, JsonNode overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        overrides.fields().forEachRemaining(e -> merged.put(e.getKey(),
                e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText()));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
