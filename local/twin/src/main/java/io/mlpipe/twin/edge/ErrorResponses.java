package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import java.io.IOException;

/** AWS's JSON error shape ({@code __type}, {@code message}, {@code x-amzn-ErrorType}) for edge-level failures. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static void send(HttpExchange exchange, AwsError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
        HttpExchanges.send(exchange, error.status(), "application/json", Json.MAPPER.writeValueAsBytes(
                Json.object().put("__type", error.code()).put("message", error.getMessage())));
    }

    /** Answers with the error unless the handler already sent its response headers. */
    static void sendIfOpen(HttpExchange exchange, AwsError error) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            send(exchange, error);
        } catch (IOException | RuntimeException ignored) {
            // the client went away; nothing left to tell it
        }
    }
}
