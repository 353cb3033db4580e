package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables of one scope. "Variables are scoped to the state machine; a Map iteration
 * or Parallel branch gets an inner scope that can read the outer variables, and its assignments
 * are not visible outside it." Lookups walk to the parent; assignments stay in this scope.
 */
public final class Variables {
    private final Variables parent;
    private final Map<String, JsonNode> values;

    public Variables(Variables parent) {
        this.parent = parent;
        this.values = new HashMap<>(4);
    }

    public static Variables root() { return new Variables(null); }

    /** The value, or null when no scope up the chain holds the name. */
    public JsonNode get(String name) {
        for (Variables v = this; v != null; v = v.parent) {
            JsonNode value = v.values.get(name);
            if (value != null) return value;
        }
        return null;
    }

    public void put(String name, JsonNode value) { values.put(name, value); }

    public void putAll(Map<String, JsonNode> assigned) { values.putAll(assigned); }

    /** Every visible variable, inner scopes winning; used to persist an execution's variables. */
    public Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> all = parent == null ? new HashMap<>() : parent.snapshot();
        all.putAll(values);
        return all;
    }

    public boolean isEmpty() { return values.isEmpty() && (parent == null || parent.isEmpty()); }
}
