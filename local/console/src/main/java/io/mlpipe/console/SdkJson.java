package io.mlpipe.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK v2 response object as the JSON the service sent (member names as on the wire, times as ISO
 * text): the pages read the AWS shapes the AWS documentation describes, with no copy of each model here.
 */
public final class SdkJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    public static ObjectNode of(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !isAbsentCollection(value)) {
                out.set(field.locationName(), value(value));
            }
        }
        return out;
    }

    /** The SDK stands in an empty "auto construct" list or map for a member the answer lacked. */
    private static boolean isAbsentCollection(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    private static JsonNode value(Object value) {
        if (value instanceof SdkPojo pojo) {
            return of(pojo);
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (value instanceof Collection<?> list) {
            ArrayNode out = NODES.arrayNode();
            list.forEach(item -> out.add(value(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), value(v)));
            return out;
        }
        return MAPPER.valueToTree(value instanceof Enum<?> ? value.toString() : value);
    }
}
