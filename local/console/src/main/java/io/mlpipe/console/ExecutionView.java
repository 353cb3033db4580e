package io.mlpipe.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an execution's history (GetExecutionHistory's events, as AWS JSON) says about each state: its
 * status in this execution, and its last visit's input, output, error and cause; plus the history as
 * table rows, each with the state it happened in.
 *
 * <p>Statuses: {@code running} (entered, not left), {@code succeeded} (left normally), {@code caught}
 * (left through a Catch after an error), {@code failed} (the error ended the execution there). A state
 * the history never enters is not listed: the pages show it as not run. A state in a loop keeps its
 * last visit and counts its visits; a retried error is over once the work is scheduled again (counted
 * in {@code retries}).
 */
public final class ExecutionView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExecutionView() {
    }

    /** {"states": {name: {...}}, "events": [{id, type, state, timestamp, details}]} */
    public static ObjectNode of(List<JsonNode> history) {
        ObjectNode states = NODES.objectNode();
        ArrayNode rows = NODES.arrayNode();
        Map<Long, String> stateOfEvent = new HashMap<>();
        Map<Long, Boolean> leftState = new HashMap<>();
        for (JsonNode event : history) {
            long id = event.path("id").asLong();
            String type = event.path("type").asText();
            JsonNode details = details(event);
            long previous = event.path("previousEventId").asLong();
            String state = leftState.getOrDefault(previous, false) ? null : stateOfEvent.get(previous);
            if (type.endsWith("StateEntered")) {
                state = details.path("name").asText();
                enter(visit(states, state), details, event);
            } else if (type.endsWith("StateExited")) {
                state = details.path("name").asText();
                exit(visit(states, state), details, event);
                leftState.put(id, true);
            } else if (type.startsWith("Execution") && (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted"))) {
                failRunning(states, details);
            } else if (state != null && states.has(state)) {
                during((ObjectNode) states.get(state), type, details);
            }
            if (state != null) {
                stateOfEvent.put(id, state);
            }
            ObjectNode row = rows.addObject();
            row.put("id", id);
            row.put("type", type);
            row.put("state", state);
            row.set("timestamp", event.path("timestamp"));
            row.set("details", details);
        }
        ObjectNode view = NODES.objectNode();
        view.set("states", states);
        view.set("events", rows);
        return view;
    }

    private static ObjectNode visit(ObjectNode states, String name) {
        return states.has(name) ? (ObjectNode) states.get(name) : states.putObject(name);
    }

    private static void enter(ObjectNode state, JsonNode details, JsonNode event) {
        state.put("status", "running");
        state.put("visits", state.path("visits").asInt() + 1);
        state.set("input", orNull(details.path("input")));
        state.set("enteredAt", event.path("timestamp"));
        state.remove(List.of("output", "error", "cause", "exitedAt", "pendingError", "retries"));
    }

    private static void exit(ObjectNode state, JsonNode details, JsonNode event) {
        state.put("status", state.path("pendingError").asBoolean() ? "caught" : "succeeded");
        state.remove("pendingError");
        state.set("output", orNull(details.path("output")));
        state.set("exitedAt", event.path("timestamp"));
    }

    /** An error inside a state: a Retrier schedules the work again (the error is over), else a Catch or the end follows. */
    private static void during(ObjectNode state, String type, JsonNode details) {
        if (type.endsWith("Scheduled")) {
            if (state.remove("pendingError") != null) {
                state.remove(List.of("error", "cause"));
                state.put("retries", state.path("retries").asInt() + 1);
            }
        } else if (details.has("error") || type.endsWith("Failed") || type.endsWith("TimedOut")) {
            state.put("pendingError", true);
            state.put("error", details.path("error").asText(null));
            state.put("cause", details.path("cause").asText(null));
        }
    }

    /** The execution failed (or timed out, or was stopped) while these states ran: it ended in them. */
    private static void failRunning(ObjectNode states, JsonNode details) {
        for (Iterator<JsonNode> it = states.elements(); it.hasNext(); ) {
            ObjectNode state = (ObjectNode) it.next();
            if (state.path("status").asText().equals("running")) {
                state.put("status", "failed");
                state.remove("pendingError");
                if (!state.hasNonNull("error")) {
                    state.put("error", details.path("error").asText(null));
                    state.put("cause", details.path("cause").asText(null));
                }
            }
        }
    }

    /** The one {@code xxxEventDetails} member of an event (empty when it has none). */
    private static JsonNode details(JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith("EventDetails")) {
                return field.getValue();
            }
        }
        return NODES.objectNode();
    }

    /** Inputs and outputs stay the JSON text the wire carries (the pages pretty-print them); absent is null. */
    private static JsonNode orNull(JsonNode value) {
        return value.isMissingNode() ? NODES.nullNode() : value;
    }
}
