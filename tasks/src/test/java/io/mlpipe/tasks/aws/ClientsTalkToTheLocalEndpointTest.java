package io.mlpipe.tasks.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointFailedException;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With AWS_ENDPOINT_URL set, every client sends to that endpoint exactly what the twin's edge expects: S3
 * path-style, no host prefix, the map's region and access key in the signature; SageMaker runtime errors map to
 * "unavailable" (503) or "failed" (502).
 */
class ClientsTalkToTheLocalEndpointTest {
    record Seen(String method, String path, String host, String authorization, String contentType, String body) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ClientsTalkToTheLocalEndpointTest::answer);
        server.start();
        env = LocalAwsServers.environment(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void sageMakerRuntimeInvokesTheEndpointPathWithCsv() {
        var invoker = new SageMakerEndpointInvoker(new AwsClients(env).sageMakerRuntime());
        assertEquals("0.8\n", invoker.invoke("mlpipe-churn", "text/csv", "42,2,79.5\n"));

        Seen seen = last();
        assertEquals("POST /endpoints/mlpipe-churn/invocations", seen.method() + " " + seen.path());
        assertEquals("127.0.0.1:" + server.getAddress().getPort(), seen.host(), "no host prefix");
        assertEquals("text/csv", seen.contentType());
        assertEquals("42,2,79.5\n", seen.body());
        assertTrue(seen.authorization().contains("Credential=AKIDLOCALTEST/") && seen.authorization().contains("/eu-west-1/sagemaker/aws4_request"),
                seen.authorization());
    }

    @Test
    void sageMakerErrorsMapToUnavailableOrFailed() {
        var invoker = new SageMakerEndpointInvoker(new AwsClients(env).sageMakerRuntime());
        assertThrows(EndpointUnavailableException.class, () -> invoker.invoke("missing", "text/csv", "1\n"));
        assertThrows(EndpointUnavailableException.class, () -> invoker.invoke("throttled", "text/csv", "1\n"));
        assertThrows(EndpointFailedException.class, () -> invoker.invoke("broken", "text/csv", "1\n"));
    }

    @Test
    void anEndpointThatCannotBeReachedHasFailed() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = LocalAwsServers.environment(URI.create("http://127.0.0.1:" + closedPort));
        var invoker = new SageMakerEndpointInvoker(new AwsClients(unreachable).sageMakerRuntime());
        EndpointFailedException failed = assertThrows(EndpointFailedException.class,
                () -> invoker.invoke("mlpipe-churn", "text/csv", "1\n"));
        assertTrue(failed.getMessage().startsWith("could not reach endpoint mlpipe-churn"), failed.getMessage());
    }

    @Test
    void s3UsesPathStyle() throws Exception {
        var store = new S3ObjectStore(new AwsClients(env).s3());
        try (InputStream in = store.open("mlpipe-data", "incoming/churn/a.csv")) {
            assertEquals("a,target\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("GET /mlpipe-data/incoming/churn/a.csv", last().method() + " " + last().path());
        assertEquals("127.0.0.1:" + server.getAddress().getPort(), last().host());
    }

    @Test
    void withoutAnEndpointTheClientsUseTheRegionsAwsEndpoint() {
        assertEquals(false, new AwsClients(Map.of("AWS_REGION", "eu-west-1")).isLocal());
        assertEquals(true, new AwsClients(env).isLocal());
    }

    private static Seen last() {
        return SEEN.get(SEEN.size() - 1);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        SEEN.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
        switch (path) {
            case "/endpoints/mlpipe-churn/invocations" -> send(exchange, 200, Map.of("Content-Type", "text/csv"), "0.8\n");
            case "/endpoints/missing/invocations" -> send(exchange, 400, Map.of("x-amzn-ErrorType", "ValidationError"),
                    "{\"message\":\"Endpoint missing of account 123456789012 not found.\"}");
            case "/endpoints/throttled/invocations" -> send(exchange, 429, Map.of("x-amzn-ErrorType", "ThrottlingException"),
                    "{\"message\":\"Rate exceeded\"}");
            case "/endpoints/broken/invocations" -> send(exchange, 424, Map.of("x-amzn-ErrorType", "ModelError"),
                    "{\"message\":\"Received client error (400) from primary\"}");
            case "/mlpipe-data/incoming/churn/a.csv" -> send(exchange, 200, Map.of("Content-Type", "text/csv"), "a,target\n");
            default -> send(exchange, 404, Map.of(), "");
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
