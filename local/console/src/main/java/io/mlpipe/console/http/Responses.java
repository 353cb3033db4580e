package io.mlpipe.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.console.SdkJson;
import java.io.IOException;
import java.io.OutputStream;

/** Writing answers: bodies are small, so each is sent with its length. */
public final class Responses {
    private Responses() {
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // The pages poll while an execution runs: never let a browser answer from its cache.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", SdkJson.MAPPER.writeValueAsBytes(body));
    }

    /** Every error is {@code {"message": ...}}, as the pipeline's own REST API answers. */
    public static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, JsonNodeFactory.instance.objectNode().put("message", message));
    }
}
