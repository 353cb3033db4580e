package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One port for every service: health, routing by what the SDK sends, AWS-style errors for the rest. */
class EdgeRoutingTest {
    private final Twin twin = SharedTwin.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthListsEveryServiceRunning() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(twin.endpoint().resolve("/_mlpipe/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode health = Json.MAPPER.readTree(response.body());
        assertEquals("up", health.get("status").asText());
        for (String service : new String[] {"s3", "dynamodb", "events", "sqs", "sns", "lambda", "apigateway"}) {
            assertEquals("running", health.at("/services/" + service).asText(), service);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET|/nothing/here||400|UnknownOperationException",
        "POST|/|Unknown.Op|400|UnknownOperationException",
        "POST|/|DynamoDB_20120810.ListTables|400|SerializationException",
        "POST|/|AWSEvents.PutRule|400|SerializationException",
        "POST|/|AmazonSQS.NoSuchOperation|400|UnknownOperationException",
    })
    void malformedOrUnroutableRequestsGetAwsErrors(String method, String path, String target, int status, String code)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(twin.endpoint().resolve(path))
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{not json"))
                .header("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            request.header("X-Amz-Target", target)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/x/aws4_request, SignedHeaders=host, Signature=0");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(code), response.body());
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        int port = twin.endpoint().getPort();
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // reachable on 127.0.0.1
        }
        for (var network : Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var address : Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    assertThrows(ConnectException.class, () -> new Socket(address, port).close(), address.toString());
                }
            }
        }
        assertEquals(URI.create("http://127.0.0.1:" + port), twin.endpoint());
    }
}
