package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.intrinsics.IntrinsicExpression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign):
 * "a field whose name ends in '.$' has a path (or an intrinsic function) as value; the field is
 * renamed without '.$' and its value replaced by what the path selects". Subtrees without '.$'
 * fields are constants, shared as they are.
 */
public abstract sealed class PayloadTemplate {

    /** Builds the payload from {@code input}; throws States.ParameterPathFailure when a path does not match. */
    public abstract JsonNode evaluate(JsonNode input, Scope scope);

    /** Compiles {@code template}; throws IllegalArgumentException for a bad path or intrinsic (message names the field). */
    public static PayloadTemplate compile(JsonNode template) {
        if (template.isObject()) {
            boolean dynamic = false;
            List<String> keys = new ArrayList<>();
            List<PayloadTemplate> values = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                var e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException("The value for the field '" + key + "' must be a STRING that contains a JSONPath but was an " + Json.typeName(e.getValue()));
                    }
                    keys.add(key.substring(0, key.length() - 2));
                    values.add(dynamicValue(key, e.getValue().textValue()));
                    dynamic = true;
                } else {
                    PayloadTemplate child = compile(e.getValue());
                    dynamic |= !(child instanceof Constant);
                    keys.add(key);
                    values.add(child);
                }
            }
            if (!dynamic) return new Constant(template);
            return new ObjectTemplate(keys.toArray(new String[0]), values.toArray(new PayloadTemplate[0]));
        }
        if (template.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode item : template) {
                PayloadTemplate t = compile(item);
                dynamic |= !(t instanceof Constant);
                items.add(t);
            }
            return dynamic ? new ArrayTemplate(items.toArray(new PayloadTemplate[0])) : new Constant(template);
        }
        return new Constant(template);
    }

    private static PayloadTemplate dynamicValue(String key, String text) {
        try {
            if (IntrinsicExpression.looksLikeCall(text)) return new Intrinsic(key, IntrinsicExpression.parse(text));
            return new PathValue(key, JsonPath.compile(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call: " + e.getMessage());
        }
    }

    /** True when no field is computed: the template is its own value. */
    public boolean isConstant() { return this instanceof Constant; }

    static final class Constant extends PayloadTemplate {
        private final JsonNode value;

        Constant(JsonNode value) { this.value = value; }

        public JsonNode evaluate(JsonNode input, Scope scope) { return value; }
    }

    static final class ObjectTemplate extends PayloadTemplate {
        private final String[] keys;
        private final PayloadTemplate[] values;

        ObjectTemplate(String[] keys, PayloadTemplate[] values) {
            this.keys = keys;
            this.values = values;
        }

        public JsonNode evaluate(JsonNode input, Scope scope) {
            ObjectNode out = Json.object();
            for (int i = 0; i < keys.length; i++) out.set(keys[i], values[i].evaluate(input, scope));
            return out;
        }
    }

    static final class ArrayTemplate extends PayloadTemplate {
        private final PayloadTemplate[] items;

        ArrayTemplate(PayloadTemplate[] items) { this.items = items; }

        public JsonNode evaluate(JsonNode input, Scope scope) {
            ArrayNode out = Json.NODES.arrayNode(items.length);
            for (PayloadTemplate t : items) out.add(t.evaluate(input, scope));
            return out;
        }
    }

    static final class PathValue extends PayloadTemplate {
        private final String key;
        private final JsonPath path;

        PathValue(String key, JsonPath path) {
            this.key = key;
            this.path = path;
        }

        public JsonNode evaluate(JsonNode input, Scope scope) {
            JsonNode v = path.read(input, scope);
            if (v == null) {
                String where = path.root() == JsonPath.Root.CONTEXT ? "the context object" : path.root() == JsonPath.Root.VARIABLE ? "the variables" : "the input '" + Json.write(input) + "'";
                throw new StatesError(ErrorNames.PARAMETER_PATH_FAILURE,
                        "The JSONPath '" + path.text() + "' specified for the field '" + key + "' could not be found in " + where);
            }
            return v;
        }
    }

    static final class Intrinsic extends PayloadTemplate {
        private final String key;
        private final IntrinsicExpression expression;

        Intrinsic(String key, IntrinsicExpression expression) {
            this.key = key;
            this.expression = expression;
        }

        public JsonNode evaluate(JsonNode input, Scope scope) {
            try {
                return expression.evaluate(input, scope);
            } catch (StatesError e) {
                if (e.error().equals(ErrorNames.RUNTIME)) {
                    throw new StatesError(ErrorNames.INTRINSIC_FAILURE, e.cause() + " (field '" + key + "')");
                }
                throw e;
            }
        }
    }
}
