package io.mlpipe.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;

/**
 * The JSON model: Jackson trees, treated as immutable once they enter an execution
 * (every transformation builds new containers, so nodes can be shared between states,
 * history events and branches without copying).
 */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() { return NODES.objectNode(); }

    /** Parses a string a state produced at run time (e.g. States.StringToJson); bad JSON is the state's error. */
    public static JsonNode parseOr(String text, String error, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StatesError(error, what + ": " + e.getOriginalMessage());
        }
    }

    /** The error AWS reports for a payload that is not the expected JSON type. */
    public static StatesError runtime(String cause) {
        return new StatesError(ErrorNames.RUNTIME, cause);
    }

    /** JSON type name used in AWS messages. */
    public static String typeName(JsonNode n) {
        if (n == null || n.isMissingNode()) return "missing";
        if (n.isTextual()) return "string";
        if (n.isNumber()) return "number";
        if (n.isBoolean()) return "boolean";
        if (n.isNull()) return "null";
        if (n.isArray()) return "array";
        return "object";
    }
}
