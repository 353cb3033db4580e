package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled JSONPath: "$" is the state's input, "$$" the context object and "$name" a workflow
 * variable. Compiled once at definition load; {@link #read} walks the tree with no parsing.
 * A definite path (only names and indexes) selects one node, an indefinite one (wildcards,
 * slices, unions, descent, filters) an array of every match, as AWS's JSONPath library does.
 */
public final class JsonPath {

    /** Where the path starts. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final PathSegment[] segments;
    private final boolean definite;

    JsonPath(String text, Root root, String variable, List<PathSegment> segments) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.segments = segments.toArray(new PathSegment[0]);
        boolean d = true;
        for (PathSegment s : this.segments) d &= s.definite();
        this.definite = d;
    }

    public static JsonPath compile(String text) { return new JsonPathParser(text).parse(); }

    public String text() { return text; }

    public Root root() { return root; }

    public String variable() { return variable; }

    public boolean isDefinite() { return definite; }

    /** True for "$" alone: the whole input. */
    public boolean isIdentity() { return root == Root.INPUT && segments.length == 0; }

    /** Only field names and indexes: what ResultPath and the *Path fields of Choice need. */
    public boolean isReferencePath() {
        for (PathSegment s : segments) if (!(s instanceof PathSegment.Field || s instanceof PathSegment.Index)) return false;
        return true;
    }

    /**
     * The selected value: for a definite path the node, or null when nothing matches;
     * for an indefinite path an array of the matches (possibly empty).
     */
    public JsonNode read(JsonNode input, Scope scope) {
        // the context object is built only for paths that start with "$$"
        JsonNode start = switch (root) {
            case INPUT -> input;
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variables() == null ? null : scope.variables().get(variable);
        };
        if (start == null) return null;
        if (definite) {
            JsonNode node = start;
            for (PathSegment s : segments) {
                node = s.selectOne(node);
                if (node == null) return null;
            }
            return node;
        }
        List<JsonNode> current = List.of(start);
        for (PathSegment s : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) s.select(n, next);
            current = next;
        }
        ArrayNode out = Json.NODES.arrayNode(current.size());
        out.addAll(current);
        return out;
    }

    /**
     * A copy of {@code target} with {@code value} placed at this reference path; only the
     * containers along the path are copied. Missing object fields are created. Returns null
     * when the path cannot be applied (a non-object on the way, an index out of range).
     */
    public JsonNode write(JsonNode target, JsonNode value) {
        return write(target, 0, value);
    }

    private JsonNode write(JsonNode node, int i, JsonNode value) {
        if (i == segments.length) return value;
        PathSegment s = segments[i];
        if (s instanceof PathSegment.Field f) {
            if (node == null || node.isMissingNode()) node = Json.NODES.objectNode();
            if (!node.isObject()) return null;
            JsonNode child = write(node.get(f.name()), i + 1, value);
            if (child == null) return null;
            var copy = Json.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                copy.set(e.getKey(), e.getValue());
            }
            copy.set(f.name(), child);
            return copy;
        }
        if (s instanceof PathSegment.Index idx && node != null && node.isArray()) {
            int at = idx.index() < 0 ? node.size() + idx.index() : idx.index();
            if (at < 0 || at >= node.size()) return null;
            JsonNode child = write(node.get(at), i + 1, value);
            if (child == null) return null;
            ArrayNode copy = Json.NODES.arrayNode(node.size());
            copy.addAll((ArrayNode) node);
            copy.set(at, child);
            return copy;
        }
        return null;
    }

    @Override
    public String toString() { return text; }
}
