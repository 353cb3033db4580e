package io.mlpipe.twin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset EventBridge accepts in InputPath and InputPathsMap: {@code $}, then
 * {@code .name}, {@code ['name']} and {@code [index]} steps.
 */
final class JsonPaths {
    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\['([^']*)']|\\[(\\d+)]");

    private JsonPaths() {
    }

    /** Throws IllegalArgumentException naming the path when EventBridge would not accept it. */
    static void check(String path) {
        select(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), path);
    }

    /** @return the selected node, or a MissingNode when nothing is there */
    static JsonNode select(JsonNode document, String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("not a JSONPath: " + path);
        }
        JsonNode node = document;
        Matcher step = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!step.find(at) || step.start() != at) {
                throw new IllegalArgumentException("unsupported JSONPath: " + path);
            }
            if (step.group(3) != null) {
                node = node.path(Integer.parseInt(step.group(3)));
            } else {
                node = node.path(step.group(1) != null ? step.group(1) : step.group(2));
            }
            at = step.end();
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
