package io.mlpipe.twin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.AwsJsonService;
import io.mlpipe.protocol.Json;
import java.util.UUID;

/** EventBridge's API in the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.<Op>}). */
public final class EventsService {
    private EventsService() {
    }

    public static AwsJsonService create(EventBus bus) {
        return AwsJsonService.builder("AWSEvents", "1.1")
                .operation("PutEvents", r -> putEvents(bus, r))
                .operation("PutRule", r -> Json.object().put("RuleArn", bus.putRule(r)))
                .operation("DescribeRule", r -> bus.describeRule(name(r, "Name"), busName(r)))
                .operation("ListRules", r -> {
                    ObjectNode answer = Json.object();
                    ArrayNode rules = answer.putArray("Rules");
                    bus.listRules(r.path("NamePrefix").asText(""), busName(r)).forEach(rules::add);
                    return answer;
                })
                .operation("DeleteRule", r -> {
                    bus.deleteRule(name(r, "Name"), busName(r));
                    return Json.object();
                })
                .operation("EnableRule", r -> {
                    bus.setState(name(r, "Name"), busName(r), true);
                    return Json.object();
                })
                .operation("DisableRule", r -> {
                    bus.setState(name(r, "Name"), busName(r), false);
                    return Json.object();
                })
                .operation("PutTargets", r -> {
                    bus.putTargets(name(r, "Rule"), busName(r), r.path("Targets"));
                    return noFailedEntries();
                })
                .operation("ListTargetsByRule", r -> {
                    ObjectNode answer = Json.object();
                    answer.set("Targets", bus.targets(name(r, "Rule"), busName(r)));
                    return answer;
                })
                .operation("RemoveTargets", r -> {
                    bus.removeTargets(name(r, "Rule"), busName(r), r.path("Ids"));
                    return noFailedEntries();
                })
                .build();
    }

    private static JsonNode putEvents(EventBus bus, JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (entries.isEmpty() || entries.size() > 10) {
            throw AwsError.validation("1 validation error detected: Value at 'entries' failed to satisfy constraint:"
                    + " Member must have length between 1 and 10");
        }
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            String problem = entry.hasNonNull("Source") && entry.hasNonNull("DetailType") && entry.hasNonNull("Detail")
                    ? null : "Parameters Source, DetailType and Detail are required.";
            ObjectNode event = null;
            String id = UUID.randomUUID().toString();
            if (problem == null) {
                try {
                    event = bus.envelope(entry, id);
                    if (!event.get("detail").isObject()) {
                        problem = "Detail is malformed.";
                    }
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                failed++;
                results.addObject().put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument")
                        .put("ErrorMessage", problem);
                continue;
            }
            bus.publish(EventBus.busName(entry.path("EventBusName").asText(EventBus.DEFAULT_BUS)), event);
            results.addObject().put("EventId", id);
        }
        answer.put("FailedEntryCount", failed);
        return answer;
    }

    private static String name(JsonNode request, String field) {
        String name = request.path(field).asText("");
        if (name.isEmpty()) {
            throw AwsError.validation("1 validation error detected: Value null at '" + field.toLowerCase()
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return name;
    }

    /** Rules may name their bus by name or ARN. */
    private static String busName(JsonNode request) {
        return EventBus.busName(request.path("EventBusName").asText(EventBus.DEFAULT_BUS));
    }

    private static ObjectNode noFailedEntries() {
        ObjectNode answer = Json.object().put("FailedEntryCount", 0);
        answer.putArray("FailedEntries");
        return answer;
    }
}
