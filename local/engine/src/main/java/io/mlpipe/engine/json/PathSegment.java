package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;

/** One step of a compiled JSONPath. */
sealed interface PathSegment {

    /** True when the step selects at most one node. */
    boolean definite();

    /** The one selected child, or null (only called on definite steps). */
    default JsonNode selectOne(JsonNode node) { throw new UnsupportedOperationException(); }

    /** Adds every selected child of {@code node} to {@code out}. */
    void select(JsonNode node, List<JsonNode> out);

    /** .name or ['name'] */
    record Field(String name) implements PathSegment {
        public boolean definite() { return true; }

        public JsonNode selectOne(JsonNode node) { return node.isObject() ? node.get(name) : null; }

        public void select(JsonNode node, List<JsonNode> out) {
            JsonNode child = selectOne(node);
            if (child != null) out.add(child);
        }
    }

    /** [n]; a negative index counts from the end. */
    record Index(int index) implements PathSegment {
        public boolean definite() { return true; }

        public JsonNode selectOne(JsonNode node) {
            if (!node.isArray()) return null;
            int at = index < 0 ? node.size() + index : index;
            return at >= 0 && at < node.size() ? node.get(at) : null;
        }

        public void select(JsonNode node, List<JsonNode> out) {
            JsonNode child = selectOne(node);
            if (child != null) out.add(child);
        }
    }

    /** [*] or .* : every element of an array, every value of an object. */
    record Wildcard() implements PathSegment {
        public boolean definite() { return false; }

        public void select(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) node.elements().forEachRemaining(out::add);
        }
    }

    /** [start:end:step] on arrays, Python-style bounds. */
    record Slice(Integer start, Integer end, int step) implements PathSegment {
        public boolean definite() { return false; }

        public void select(JsonNode node, List<JsonNode> out) {
            if (!node.isArray() || step == 0) return;
            int n = node.size();
            int from = start == null ? (step > 0 ? 0 : n - 1) : (start < 0 ? Math.max(n + start, 0) : Math.min(start, n));
            int to = end == null ? (step > 0 ? n : -1) : (end < 0 ? Math.max(n + end, -1) : Math.min(end, n));
            if (step > 0) for (int i = from; i < to; i += step) out.add(node.get(i));
            else for (int i = Math.min(from, n - 1); i > to; i += step) out.add(node.get(i));
        }
    }

    /** ['a','b'] or [0,2]: several names or indexes. */
    record Union(List<PathSegment> parts) implements PathSegment {
        public boolean definite() { return false; }

        public void select(JsonNode node, List<JsonNode> out) {
            for (PathSegment p : parts) p.select(node, out);
        }
    }

    /** ..name or ..* : the step applied to the node and every descendant. */
    record Descent(PathSegment step) implements PathSegment {
        public boolean definite() { return false; }

        public void select(JsonNode node, List<JsonNode> out) {
            step.select(node, out);
            if (node.isContainerNode()) {
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) select(it.next(), out);
            }
        }
    }

    /** [?(@.x op value)] or [?(@.x)]: the array elements (or object values) the predicate accepts. */
    record Filter(FilterPredicate predicate) implements PathSegment {
        public boolean definite() { return false; }

        public void select(JsonNode node, List<JsonNode> out) {
            if (!node.isContainerNode()) return;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                if (predicate.test(e)) out.add(e);
            }
        }
    }
}
