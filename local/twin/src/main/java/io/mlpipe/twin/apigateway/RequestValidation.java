package io.mlpipe.twin.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.edge.AwsRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A method's RequestValidator: required request parameters, and the body against the method's Model
 * (JSON Schema draft 4, API Gateway's dialect). Answers as API Gateway does: the message only, no detail
 * of which rule failed for a body.
 */
final class RequestValidation {
    private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();

    /** @return the 400 message when the request is refused */
    Optional<String> check(HttpExchange exchange, RestApi api, RestApi.Method method, Map<String, String> pathParameters,
                           byte[] body) {
        if (method.validator().parameters()) {
            List<String> missing = new ArrayList<>();
            Map<String, String> query = AwsRequests.query(exchange.getRequestURI().getRawQuery());
            method.requestParameters().forEach((name, required) -> {
                if (!required) {
                    return;
                }
                String[] parts = name.split("\\.", 4);
                String where = parts.length == 4 ? parts[2] : "";
                String key = parts.length == 4 ? parts[3] : name;
                boolean present = switch (where) {
                    case "path" -> pathParameters.containsKey(key) && !pathParameters.get(key).isEmpty();
                    case "querystring" -> query.containsKey(key);
                    case "header" -> exchange.getRequestHeaders().containsKey(key);
                    default -> true;
                };
                if (!present) {
                    missing.add(key);
                }
            });
            if (!missing.isEmpty()) {
                return Optional.of("Missing required request parameters: [" + String.join(", ", missing) + "]");
            }
        }
        if (method.validator().body() && !method.requestModels().isEmpty()) {
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .map(t -> t.split(";")[0].trim()).orElse("application/json");
            String model = method.requestModels().getOrDefault(type, method.requestModels().get("application/json"));
            JsonNode schema = model == null ? null : api.models().get(model);
            if (schema != null && !valid(schema, body)) {
                return Optional.of("Invalid request body");
            }
        }
        return Optional.empty();
    }

    private boolean valid(JsonNode schema, byte[] body) {
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
        if (document == null || document.isMissingNode()) {
            return false;
        }
        return schemas.computeIfAbsent(schema, Draft4.REGISTRY::getSchema).validate(document).isEmpty();
    }

    /** Loaded on the first validation, not at start-up (the registry takes a moment to build). */
    private static final class Draft4 {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    }
}
