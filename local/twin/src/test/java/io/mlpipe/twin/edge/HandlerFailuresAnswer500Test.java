package io.mlpipe.twin.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A local service that breaks answers AWS's 500 InternalFailure; the client is never left with a dropped connection.
 * A client that leaves mid-answer is not a failure of the service.
 */
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

    @ParameterizedTest
    @ValueSource(strings = {"Broken pipe", "Connection reset by peer"})
    void aClientThatLeftIsNotLoggedAsAFailure(String message) throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(EdgeRouter.class.getName());
        log.addHandler(capture);
        try {
            EdgeRouter router = new EdgeRouter();
            router.add(new Route("left", exchange -> true, exchange -> {
                throw new IOException(message);
            }));
            try (EdgeServer edge = EdgeServer.start(0, router)) {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.endpoint() + "/anything")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException expected) {
                // no answer: the exchange is closed as for a client that left
            }
            assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
            assertTrue(EdgeRouter.clientLeft(new IOException(message)));
            assertFalse(EdgeRouter.clientLeft(new IOException("disk full")), "other I/O failures still answer 500");
        } finally {
            log.removeHandler(capture);
        }
    }
}
