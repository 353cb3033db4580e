package io.mlpipe.console.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A request's query parameters (the last one wins when a name repeats). */
public record Query(Map<String, String> parameters) {

    public static Query parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            }
        }
        return new Query(Map.copyOf(parameters));
    }

    /** A blank value counts as absent: an empty filter field means no filter. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new BadRequest("the query parameter '" + name + "' is required"));
    }

    public int number(String name, int fallback, int max) {
        try {
            return optional(name).map(Integer::parseInt).map(n -> Math.max(1, Math.min(n, max))).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new BadRequest("the query parameter '" + name + "' is not a number");
        }
    }

    /** A request the console cannot answer as asked (400). */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
