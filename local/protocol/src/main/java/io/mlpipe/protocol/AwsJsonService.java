package io.mlpipe.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One AWS service spoken in the AWS JSON protocol (1.0 or 1.1): {@code POST /} with
 * {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body, answered with JSON or with
 * {@code {"__type": code, "message": ...}} and the error's status, as the SDKs and the CLI expect.
 */
public final class AwsJsonService implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(AwsJsonService.class.getName());

    private final String targetPrefix;
    private final String contentType;
    private final Map<String, JsonOperation> operations;

    private AwsJsonService(String targetPrefix, String contentType, Map<String, JsonOperation> operations) {
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.operations = Map.copyOf(operations);
    }

    /** @param targetPrefix e.g. {@code SageMaker} or {@code AWSStepFunctions}
     *  @param jsonVersion {@code 1.0} or {@code 1.1} */
    public static Builder builder(String targetPrefix, String jsonVersion) {
        return new Builder(targetPrefix, "application/x-amz-json-" + jsonVersion);
    }

    /** The prefix before the dot in X-Amz-Target that this service answers. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** Whether a request's X-Amz-Target names this service. */
    public boolean accepts(String target) {
        return target != null && target.startsWith(targetPrefix + ".");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try {
            if (!"POST".equals(exchange.getRequestMethod()) || !accepts(target)) {
                throw new AwsError(400, "UnknownOperationException",
                        "Expected POST with X-Amz-Target " + targetPrefix + ".<Operation>, got "
                                + exchange.getRequestMethod() + " " + target);
            }
            String name = target.substring(targetPrefix.length() + 1);
            JsonOperation operation = operations.get(name);
            if (operation == null) {
                throw new AwsError(400, "UnknownOperationException", "Unknown operation " + name);
            }
            JsonNode request = parse(HttpExchanges.body(exchange));
            JsonNode response = operation.handle(request);
            HttpExchanges.send(exchange, 200, contentType,
                    Json.MAPPER.writeValueAsBytes(response == null ? Json.object() : response));
        } catch (AwsError e) {
            sendError(exchange, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in " + target, e);
            sendError(exchange, new AwsError(500, "InternalFailure", String.valueOf(e.getMessage())));
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new AwsError(400, "SerializationException", "The request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AwsError(400, "SerializationException", "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsError(400, "SerializationException", "The request body could not be read: " + e.getMessage());
        }
    }

    private void sendError(HttpExchange exchange, AwsError error) throws IOException {
        ObjectNode body = Json.object().put("__type", error.code()).put("message", error.getMessage());
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
        HttpExchanges.send(exchange, error.status(), contentType, Json.MAPPER.writeValueAsBytes(body));
    }

    /** Collects the operations of a service. */
    public static final class Builder {
        private final String targetPrefix;
        private final String contentType;
        private final Map<String, JsonOperation> operations = new LinkedHashMap<>();

        private Builder(String targetPrefix, String contentType) {
            this.targetPrefix = targetPrefix;
            this.contentType = contentType;
        }

        public Builder operation(String name, JsonOperation operation) {
            if (operations.putIfAbsent(name, operation) != null) {
                throw new IllegalArgumentException("operation registered twice: " + name);
            }
            return this;
        }

        public AwsJsonService build() {
            return new AwsJsonService(targetPrefix, contentType, operations);
        }
    }
}
