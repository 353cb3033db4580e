package io.mlpipe.engine.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value whose strings may be JSONata expressions (Arguments, Output, Assign, ...):
 * "you can use JSONata expressions in string values, at any depth". Constant parts are kept as is.
 */
public abstract sealed class JsonataTemplate {

    public abstract JsonNode evaluate(JsonataScope scope);

    public static JsonataTemplate compile(JsonNode value) {
        if (JsonataExpression.isExpression(value)) return new Expr(JsonataExpression.compile(value.textValue()));
        if (value.isObject()) {
            List<String> keys = new ArrayList<>();
            List<JsonataTemplate> values = new ArrayList<>();
            boolean dynamic = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonataTemplate t = compile(e.getValue());
                dynamic |= !(t instanceof Constant);
                keys.add(e.getKey());
                values.add(t);
            }
            return dynamic ? new Obj(keys.toArray(new String[0]), values.toArray(new JsonataTemplate[0])) : new Constant(value);
        }
        if (value.isArray()) {
            List<JsonataTemplate> items = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode v : value) {
                JsonataTemplate t = compile(v);
                dynamic |= !(t instanceof Constant);
                items.add(t);
            }
            return dynamic ? new Arr(items.toArray(new JsonataTemplate[0])) : new Constant(value);
        }
        return new Constant(value);
    }

    static final class Constant extends JsonataTemplate {
        private final JsonNode value;

        Constant(JsonNode value) { this.value = value; }

        public JsonNode evaluate(JsonataScope scope) { return value; }
    }

    static final class Expr extends JsonataTemplate {
        private final JsonataExpression expression;

        Expr(JsonataExpression expression) { this.expression = expression; }

        public JsonNode evaluate(JsonataScope scope) { return expression.evaluate(scope); }
    }

    static final class Obj extends JsonataTemplate {
        private final String[] keys;
        private final JsonataTemplate[] values;

        Obj(String[] keys, JsonataTemplate[] values) {
            this.keys = keys;
            this.values = values;
        }

        public JsonNode evaluate(JsonataScope scope) {
            ObjectNode o = Json.object();
            for (int i = 0; i < keys.length; i++) o.set(keys[i], values[i].evaluate(scope));
            return o;
        }
    }

    static final class Arr extends JsonataTemplate {
        private final JsonataTemplate[] items;

        Arr(JsonataTemplate[] items) { this.items = items; }

        public JsonNode evaluate(JsonataScope scope) {
            ArrayNode a = Json.NODES.arrayNode(items.length);
            for (JsonataTemplate t : items) a.add(t.evaluate(scope));
            return a;
        }
    }
}
