package io.mlpipe.tasks.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * features.json (schema feature-spec): what preprocess learnt and inference must apply the same way.
 * Features are in training column order; the training CSV has the encoded label first, then these.
 *
 * @param labelClasses classification only: the original label values, sorted; a label is encoded as its index
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureSpec(String model, String runId, String target, ProblemType problemType,
                          List<Feature> features, List<Object> labelClasses) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public byte[] toJson() {
        JsonNode node = MAPPER.valueToTree(this);
        Schemas.shared().check(SchemaName.FEATURE_SPEC, node);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and validates features.json. */
    public static FeatureSpec fromJson(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        Schemas.shared().check(SchemaName.FEATURE_SPEC, node);
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : node.get("features")) {
            features.add(f.get("type").asText().equals(Feature.CATEGORICAL)
                    ? Feature.categorical(f.get("name").asText(), MAPPER.convertValue(f.get("categories"), List.class))
                    : Feature.numeric(f.get("name").asText()));
        }
        List<Object> classes = null;
        if (node.has("labelClasses")) {
            classes = new ArrayList<>();
            for (JsonNode c : node.get("labelClasses")) {
                classes.add(c.isNumber() ? c.numberValue() : c.asText());
            }
        }
        return new FeatureSpec(node.get("model").asText(), node.get("runId").asText(), node.get("target").asText(),
                ProblemType.fromId(node.get("problemType").asText()), List.copyOf(features), classes);
    }
}
