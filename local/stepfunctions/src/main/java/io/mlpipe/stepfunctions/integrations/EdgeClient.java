package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the twin's services the way AWS reaches its own: over HTTP, through the edge, with the
 * Authorization header an SDK would send (the edge routes some services by its credential scope).
 * The signature itself is a placeholder: the local services check none.
 */
final class EdgeClient {
    private static final Pattern XML_CODE = Pattern.compile("<Code>(.*?)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);

    private final URI endpoint;
    private final String region;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    EdgeClient(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** One JSON-protocol operation; the response body, or a {@link ServiceCallError}. */
    JsonNode json(JsonApi api, String operation, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-" + api.jsonVersion())
                .header("X-Amz-Target", api.targetPrefix() + "." + operation)
                .header("Authorization", authorization(api.signingName()))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> response = send(request);
        JsonNode answer = response.body().isBlank() ? Json.object() : Json.parse(response.body());
        if (response.statusCode() >= 300) {
            throw new ServiceCallError(response.statusCode(), jsonErrorCode(response, answer),
                    answer.path("message").asText(answer.path("Message").asText("")), requestId(response));
        }
        return answer;
    }

    /** One awsQuery-protocol call (form in, XML out), e.g. SNS Publish; the XML body or a {@link ServiceCallError}. */
    String query(String signingName, String form) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", authorization(signingName))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new ServiceCallError(response.statusCode(), first(XML_CODE, response.body(), "InternalFailure"),
                    first(XML_MESSAGE, response.body(), ""), requestId(response));
        }
        return response.body();
    }

    static String first(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceCallError(500, "ServiceUnavailable", "cannot reach " + endpoint + ": " + e.getMessage(), "none");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallError(500, "ServiceUnavailable", "interrupted while calling " + endpoint, "none");
        }
    }

    private String authorization(String signingName) {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        // DynamoDB Local reads the access key id from here and wants letters and digits only
        return "AWS4-HMAC-SHA256 Credential=mlpipetwin/" + date + "/" + region + "/" + signingName
                + "/aws4_request, SignedHeaders=content-type;host;x-amz-target, Signature=0";
    }

    /** {@code com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException} -> {@code ConditionalCheckFailedException}. */
    private static String jsonErrorCode(HttpResponse<String> response, JsonNode body) {
        String type = body.path("__type").asText(response.headers().firstValue("x-amzn-ErrorType").orElse("InternalFailure"));
        type = type.substring(type.lastIndexOf('#') + 1);
        int colon = type.indexOf(':');
        return colon >= 0 ? type.substring(0, colon) : type;
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId")
                .orElse(response.headers().firstValue("x-amz-request-id").orElse(UUID.randomUUID().toString()));
    }
}
