package io.mlpipe.twin.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.edge.ReverseProxy;
import java.io.IOException;

/**
 * DynamoDB on the edge: requests go to DynamoDB Local, except a body that is not a JSON object, which
 * DynamoDB answers with 400 SerializationException and DynamoDB Local with a 500: that one is answered
 * here, as DynamoDB does. (Requests are at most a few MB, so reading them first costs nothing.)
 */
public final class DynamoDbService implements HttpHandler {
    private final ReverseProxy proxy;

    public DynamoDbService(ReverseProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = HttpExchanges.body(exchange);
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "SerializationException");
            HttpExchanges.send(exchange, 400, "application/x-amz-json-1.0", Json.MAPPER.writeValueAsBytes(Json.object()
                    .put("__type", "com.amazon.coral.service#SerializationException")
                    .put("Message", "The request body is not a JSON object")));
            return;
        }
        proxy.forward(exchange, body);
    }
}
