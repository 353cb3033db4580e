package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code aws-sdk:s3:*}: S3 speaks REST-XML, so these go through the SDK's own S3 client (path style, the
 * edge as endpoint). Bodies are text: a JSON Body parameter is written as its JSON text.
 */
final class S3Tasks implements AutoCloseable {
    private final S3Client s3;

    S3Tasks(URI edge, String region) {
        this.s3 = S3Client.builder().endpointOverride(edge).region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("mlpipetwin", "mlpipetwin")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The action's response, or null when the twin does not emulate the action. */
    JsonNode call(String action, JsonNode p) {
        try {
            return switch (action) {
                case "putObject" -> putObject(p);
                case "getObject" -> getObject(p);
                case "headObject" -> headObject(p);
                case "listObjectsV2" -> listObjectsV2(p);
                case "deleteObject" -> {
                    s3.deleteObject(b -> b.bucket(text(p, "Bucket")).key(text(p, "Key")));
                    yield Json.object();
                }
                default -> null;
            };
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode() : e.statusCode() == 404 ? "NoSuchKey" : "S3";
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : e.getMessage();
            throw TaskErrors.awsSdk("S3", new ServiceCallError(e.statusCode(), code, message, e.requestId()));
        }
    }

    private JsonNode putObject(JsonNode p) {
        JsonNode body = p.path("Body");
        String text = body.isTextual() ? body.asText() : body.isMissingNode() ? "" : Json.write(body);
        PutObjectResponse r = s3.putObject(b -> b.bucket(text(p, "Bucket")).key(text(p, "Key"))
                .contentType(p.path("ContentType").asText(null)), RequestBody.fromString(text, StandardCharsets.UTF_8));
        ObjectNode o = Json.object().put("ETag", r.eTag());
        if (r.versionId() != null) {
            o.put("VersionId", r.versionId());
        }
        return o;
    }

    private JsonNode getObject(JsonNode p) {
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(text(p, "Bucket")).key(text(p, "Key")));
        GetObjectResponse h = r.response();
        return Json.object().put("Body", r.asUtf8String()).put("ContentLength", h.contentLength())
                .put("ContentType", h.contentType()).put("ETag", h.eTag()).put("LastModified", iso(h.lastModified()));
    }

    private JsonNode headObject(JsonNode p) {
        HeadObjectResponse h = s3.headObject(b -> b.bucket(text(p, "Bucket")).key(text(p, "Key")));
        return Json.object().put("ContentLength", h.contentLength()).put("ContentType", h.contentType())
                .put("ETag", h.eTag()).put("LastModified", iso(h.lastModified()));
    }

    private JsonNode listObjectsV2(JsonNode p) {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(text(p, "Bucket")).prefix(p.path("Prefix").asText(null))
                .delimiter(p.path("Delimiter").asText(null)).continuationToken(p.path("ContinuationToken").asText(null))
                .maxKeys(p.hasNonNull("MaxKeys") ? p.get("MaxKeys").asInt() : null));
        ObjectNode o = Json.object().put("Name", r.name()).put("KeyCount", r.keyCount()).put("IsTruncated", r.isTruncated());
        if (r.prefix() != null) {
            o.put("Prefix", r.prefix());
        }
        if (r.nextContinuationToken() != null) {
            o.put("NextContinuationToken", r.nextContinuationToken());
        }
        ArrayNode contents = o.putArray("Contents");
        for (S3Object object : r.contents()) {
            contents.addObject().put("Key", object.key()).put("Size", object.size()).put("ETag", object.eTag())
                    .put("LastModified", iso(object.lastModified()));
        }
        ArrayNode prefixes = o.putArray("CommonPrefixes");
        r.commonPrefixes().forEach(cp -> prefixes.addObject().put("Prefix", cp.prefix()));
        return o;
    }

    private static String text(JsonNode p, String field) {
        return p.path(field).asText();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Override
    public void close() {
        s3.close();
    }
}
