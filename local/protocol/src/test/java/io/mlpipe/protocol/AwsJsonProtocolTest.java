package io.mlpipe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AWS JSON protocol as SDKs see it: status, {@code __type} and {@code x-amzn-ErrorType} per outcome. */
class AwsJsonProtocolTest {
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        AwsJsonService service = AwsJsonService.builder("Demo", "1.1")
                .operation("Echo", request -> request)
                .operation("Refuse", request -> {
                    throw AwsError.client("ResourceInUse", "already there: " + request.path("Name").asText());
                })
                .operation("Crash", request -> {
                    throw new IllegalStateException("bug");
                })
                .build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", service);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Demo.Echo|{\"Name\":\"x\"}|200|",
        "Demo.Refuse|{\"Name\":\"x\"}|400|ResourceInUse",
        "Demo.Crash|{}|500|InternalFailure",
        "Demo.Nope|{}|400|UnknownOperationException",
        "Other.Echo|{}|400|UnknownOperationException",
        "Demo.Echo|{not json|400|SerializationException",
        "Demo.Echo|[1,2]|400|SerializationException",
    })
    void answersEachOutcomeAsAws(String target, String body, int status, String errorType) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode());
        assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode json = Json.MAPPER.readTree(response.body());
        if (errorType == null) {
            assertEquals(Json.MAPPER.readTree(body), json);
        } else {
            assertEquals(errorType, json.path("__type").asText());
            assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        }
    }
}
