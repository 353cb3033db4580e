package io.mlpipe.console.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The top-level states of an ASL definition and the transitions between them: Next, a Choice's
 * Choices and Default, and every Catch. States inside a Parallel's branches or a Map's processor are
 * not drawn: the enclosing state stands for them.
 */
public record StateGraph(String startAt, List<State> states, List<Edge> edges) {

    public record State(String name, String type) {
    }

    /**
     * @param kind {@code next}, {@code choice}, {@code default} or {@code catch}
     * @param label the Choice rule's condition or the Catch's error names (for a tooltip)
     */
    public record Edge(String from, String to, String kind, String label) {
    }

    public static StateGraph of(JsonNode definition) {
        List<State> states = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        JsonNode all = definition.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            states.add(new State(name, state.path("Type").asText()));
            for (JsonNode choice : state.path("Choices")) {
                edge(edges, all, name, choice.path("Next").asText(null), "choice", condition(choice));
            }
            edge(edges, all, name, state.path("Default").asText(null), "default", "Default");
            edge(edges, all, name, state.path("Next").asText(null), "next", null);
            for (JsonNode catcher : state.path("Catch")) {
                List<String> errors = new ArrayList<>();
                catcher.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
                edge(edges, all, name, catcher.path("Next").asText(null), "catch", String.join(", ", errors));
            }
        }
        return new StateGraph(definition.path("StartAt").asText(), List.copyOf(states), List.copyOf(edges));
    }

    /** Transitions to states the definition lacks are left out: the engine would refuse the definition anyway. */
    private static void edge(List<Edge> edges, JsonNode all, String from, String to, String kind, String label) {
        if (to != null && all.has(to)) {
            edges.add(new Edge(from, to, kind, label));
        }
    }

    /** JSONata's Condition as written; a JSONPath rule as its compact JSON (without Next). */
    private static String condition(JsonNode choice) {
        if (choice.has("Condition")) {
            return choice.path("Condition").asText();
        }
        com.fasterxml.jackson.databind.node.ObjectNode rule = choice.deepCopy();
        rule.remove("Next");
        rule.remove("Assign");
        rule.remove("Output");
        return rule.toString();
    }
}
