package io.mlpipe.twin.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request path to one resource path template of an API, as API Gateway does: literal parts
 * first, then {@code {param}} (one segment), then {@code {proxy+}} (the rest).
 */
record PathMatch(String resourceId, String resourcePath, Map<String, String> pathParameters) {

    static Optional<PathMatch> find(RestApi api, String path) {
        String[] request = split(path);
        PathMatch best = null;
        int bestScore = -1;
        for (RestApi.Resource resource : api.resources().values()) {
            String template = api.path(resource.id());
            Map<String, String> parameters = new LinkedHashMap<>();
            int score = score(split(template), request, parameters);
            if (score > bestScore) {
                best = new PathMatch(resource.id(), template, parameters);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1 when the template does not match; higher for more literal segments. */
    private static int score(String[] template, String[] request, Map<String, String> parameters) {
        int score = 0;
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= request.length) {
                    return -1;
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", java.util.Arrays.copyOfRange(request, i, request.length)));
                return score;
            }
            if (i >= request.length) {
                return -1;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), request[i]);
                score += 1;
            } else if (part.equals(request[i])) {
                score += 2;
            } else {
                return -1;
            }
        }
        return template.length == request.length ? score : -1;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
