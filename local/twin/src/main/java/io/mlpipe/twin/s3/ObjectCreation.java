package io.mlpipe.twin.s3;

import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.twin.edge.AwsRequests;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which path-style S3 requests create an object, and why (the {@code reason} of the "Object Created"
 * event): PutObject, CopyObject, CompleteMultipartUpload. Read from the request line and headers only.
 * (Browser form uploads, POST object, are not among them: S3Proxy answers them NotImplemented here.)
 */
public record ObjectCreation(String bucket, String key, String reason) {
    /** Query parameters that turn a PUT on a key into a sub-resource call (no new object). */
    private static final Set<String> SUBRESOURCES = Set.of("acl", "tagging", "retention", "legal-hold",
            "torrent", "restore", "select", "attributes", "partNumber", "uploadId");

    public static Optional<ObjectCreation> of(HttpExchange exchange) {
        String[] parts = exchange.getRequestURI().getRawPath().substring(1).split("/", 2);
        String bucket = decode(parts[0]);
        String key = parts.length > 1 ? decode(parts[1]) : "";
        Map<String, String> query = AwsRequests.query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        if ("PUT".equals(method) && !key.isEmpty() && query.keySet().stream().noneMatch(SUBRESOURCES::contains)) {
            boolean copy = exchange.getRequestHeaders().containsKey("x-amz-copy-source");
            return Optional.of(new ObjectCreation(bucket, key, copy ? "CopyObject" : "PutObject"));
        }
        if ("POST".equals(method) && !key.isEmpty() && query.containsKey("uploadId")) {
            return Optional.of(new ObjectCreation(bucket, key, "CompleteMultipartUpload"));
        }
        return Optional.empty();
    }

    /** Percent-decoding of a URI path segment ('+' stays '+', unlike form decoding). */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
