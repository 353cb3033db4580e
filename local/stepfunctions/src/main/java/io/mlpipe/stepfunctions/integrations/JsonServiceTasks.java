package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;

/**
 * Tasks on the twin's JSON-protocol services through the edge: the parameters are the API's request
 * (PascalCase), the action names the operation, the response is the task's result.
 */
final class JsonServiceTasks {
    private final EdgeClient edge;

    JsonServiceTasks(EdgeClient edge) {
        this.edge = edge;
    }

    /** {@code arn:aws:states:::aws-sdk:<service>:<action>}. */
    JsonNode awsSdk(JsonApi api, String action, JsonNode parameters) {
        try {
            if (!api.camelCaseWire()) {
                return edge.json(api, JsonApi.operation(action), parameters);
            }
            return memberCase(edge.json(api, JsonApi.operation(action), memberCase(parameters, false)), true);
        } catch (ServiceCallError e) {
            throw TaskErrors.awsSdk(api.errorPrefix(), e);
        }
    }

    /** The same JSON with every object member's first letter upper- or lower-cased. */
    static JsonNode memberCase(JsonNode node, boolean upper) {
        if (node.isArray()) {
            ArrayNode copy = Json.NODES.arrayNode();
            node.forEach(item -> copy.add(memberCase(item, upper)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = Json.object();
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            String first = name.isEmpty() ? "" : upper ? name.substring(0, 1).toUpperCase() : name.substring(0, 1).toLowerCase();
            copy.set(first + (name.isEmpty() ? "" : name.substring(1)), memberCase(field.getValue(), upper));
        });
        return copy;
    }

    /** An optimized integration ({@code dynamodb:putItem}, {@code sagemaker:createModel}, ...). */
    JsonNode optimized(JsonApi api, String action, JsonNode parameters) {
        try {
            return edge.json(api, JsonApi.operation(action), parameters);
        } catch (ServiceCallError e) {
            throw TaskErrors.optimized(api.errorPrefix(), e);
        }
    }

    /** {@code events:putEvents}: a Detail given as JSON is sent as its text; a failed entry fails the task. */
    JsonNode putEvents(JsonNode parameters) {
        ObjectNode request = parameters.deepCopy();
        for (JsonNode entry : request.path("Entries")) {
            if (entry.has("Detail") && !entry.get("Detail").isTextual()) {
                ((ObjectNode) entry).put("Detail", Json.write(entry.get("Detail")));
            }
        }
        JsonNode response = optimized(JsonApi.EVENTBRIDGE, "putEvents", request);
        if (response.path("FailedEntryCount").asInt(0) > 0) {
            throw new StatesError("EventBridge.FailedEntry", Json.write(response));
        }
        return response;
    }

    /** {@code sqs:sendMessage}: a MessageBody given as JSON is sent as its text. */
    JsonNode sendMessage(JsonNode parameters) {
        return optimized(JsonApi.SQS, "sendMessage", textField(parameters, "MessageBody"));
    }

    static ObjectNode textField(JsonNode parameters, String field) {
        ObjectNode request = parameters.deepCopy();
        if (request.has(field) && !request.get(field).isTextual()) {
            request.put(field, Json.write(request.get(field)));
        }
        return request;
    }
}
