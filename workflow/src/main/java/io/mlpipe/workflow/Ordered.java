package io.mlpipe.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Insertion-ordered maps for everything that reaches the template. {@code Map.of} iterates in an
 * order that changes between JVM runs, which would make the synthesized template change too.
 */
final class Ordered {

    private Ordered() {
    }

    /** A LinkedHashMap of alternating keys and values: {@code map("a", 1, "b", 2)}. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("duplicate key " + keysAndValues[i]);
            }
        }
        return map;
    }
}
