package io.mlpipe.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The EventBridge patterns of the pipeline, loaded from JSON documents on the classpath.
 *
 * <p>The same document feeds the CDK rule and the local twin's bus, so the two cannot drift.
 * Placeholders are whole string values (for example {@code "${bucket}"}); they are replaced in the
 * parsed tree, not in the text, so a value can never break the JSON (and a CDK token string stays
 * a token the CDK resolves later).
 */
public final class EventPatterns {

    /** Classpath resource of the S3 "Object Created" pattern for {@code incoming/*.csv}. */
    public static final String OBJECT_CREATED_RESOURCE = "events/patterns/object-created.json";

    /** The placeholder in {@link #OBJECT_CREATED_RESOURCE} that stands for the data bucket name. */
    public static final String BUCKET_PLACEHOLDER = "${bucket}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPatterns() {
    }

    /** The "Object Created" pattern for the given bucket, as an insertion-ordered map tree. */
    public static Map<String, Object> objectCreated(String bucketName) {
        requireText(bucketName, "bucketName");
        return load(OBJECT_CREATED_RESOURCE, Map.of(BUCKET_PLACEHOLDER, bucketName));
    }

    /** The "Object Created" pattern for the given bucket, as the JSON text EventBridge accepts. */
    public static String objectCreatedJson(String bucketName) {
        return toJson(objectCreated(bucketName));
    }

    /**
     * Loads a pattern document and replaces every string value equal to a key of
     * {@code substitutions} with its value. Fails when a placeholder of the form {@code ${...}}
     * is left unreplaced, so a missing substitution cannot reach EventBridge as a literal.
     */
    public static Map<String, Object> load(String resource, Map<String, String> substitutions) {
        Objects.requireNonNull(substitutions, "substitutions");
        Object tree = substitute(read(resource), substitutions, resource);
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalStateException(resource + " is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> pattern = (Map<String, Object>) tree;
        return pattern;
    }

    static String toJson(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pattern as JSON", e);
        }
    }

    private static Object read(String resource) {
        try (InputStream in = EventPatterns.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no pattern resource " + resource);
            }
            // Jackson maps JSON objects to LinkedHashMap: key order stays as written (deterministic synth).
            return JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Object substitute(Object node, Map<String, String> substitutions, String resource) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, substitute(v, substitutions, resource)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(substitute(v, substitutions, resource)));
            return out;
        }
        if (node instanceof String s && s.startsWith("${") && s.endsWith("}")) {
            String value = substitutions.get(s);
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + s + " in " + resource);
            }
            return value;
        }
        return node;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
