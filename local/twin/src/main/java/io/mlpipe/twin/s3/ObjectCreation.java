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
 * event). Read from the request line and headers only. A POST object upload names its key inside the
 * form, so for it the key comes from the answer's Location header.
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
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(method) && key.isEmpty() && query.isEmpty() && type != null
                && type.startsWith("multipart/form-data")) {
            return Optional.of(new ObjectCreation(bucket, "", "PostObject"));
        }
        return Optional.empty();
    }

    /** The key of a POST object upload, from the answer's {@code Location: <endpoint>/<bucket>/<key>}. */
    public Optional<ObjectCreation> withKeyFromLocation(String location) {
        if (!key.isEmpty()) {
            return Optional.of(this);
        }
        if (location == null) {
            return Optional.empty();
        }
        int at = location.indexOf("/" + bucket + "/");
        return at < 0 ? Optional.empty()
                : Optional.of(new ObjectCreation(bucket, decode(location.substring(at + bucket.length() + 2)), reason));
    }

    /** Percent-decoding of a URI path segment ('+' stays '+', unlike form decoding). */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
