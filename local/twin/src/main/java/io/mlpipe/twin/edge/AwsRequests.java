package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.protocol.SigV4Scope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What an AWS SDK request says about itself without reading its body. */
public final class AwsRequests {
    private AwsRequests() {
    }

    /** The SigV4 credential scope, from the Authorization header or a presigned URL's X-Amz-Credential. */
    public static Optional<SigV4Scope> scope(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            return SigV4Scope.parse(authorization);
        }
        String credential = query(exchange.getRequestURI().getRawQuery()).get("X-Amz-Credential");
        return credential == null ? Optional.empty() : SigV4Scope.parse(credential);
    }

    public static Optional<String> signingService(HttpExchange exchange) {
        return scope(exchange).map(SigV4Scope::service);
    }

    /** Decodes a raw query string; a parameter without a value maps to "". The first value wins. */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    public static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
