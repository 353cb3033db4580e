package io.mlpipe.twin.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A local service that breaks answers AWS's 500 InternalFailure; the client is never left with a dropped connection. */
class HandlerFailuresAnswer500Test {

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "linkage"})
    void aFailingHandlerAnswersInternalFailure(String failure) throws Exception {
        HttpHandler broken = exchange -> {
            if (failure.equals("runtime")) {
                throw new IllegalStateException("bug in a service");
            }
            throw new NoClassDefFoundError("io/mlpipe/Missing");
        };
        EdgeRouter router = new EdgeRouter();
        router.add(new Route("broken", exchange -> true, broken));
        try (EdgeServer edge = EdgeServer.start(0, router)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(edge.endpoint() + "/anything")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertTrue(response.body().contains("InternalFailure"), response.body());
        }
    }
}
