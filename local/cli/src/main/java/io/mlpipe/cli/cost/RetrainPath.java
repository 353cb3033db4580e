package io.mlpipe.cli.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The states one run enters on its way to a Succeed state, read from the state machine definition: the shortest
 * path from StartAt through Next, Choice rules and Defaults (Catch edges are failures, not a successful run),
 * plus the polling loop on that path (a Wait state that the path can come back to), whose iterations are an input.
 * Standard workflows bill one transition per state entered, so these states are what a retrain is charged for.
 *
 * @param states the states entered, in order, with one pass through the loop
 * @param loop the states of the polling loop (starting with its Wait state), empty when the path has none
 */
public record RetrainPath(List<String> states, List<String> loop, JsonNode definition) {

    /** The path to the Succeed state named {@code outcome}. */
    public static RetrainPath to(JsonNode definition, String outcome) {
        JsonNode states = definition.path("States");
        List<String> succeeds = new ArrayList<>();
        states.fields().forEachRemaining(e -> {
            if ("Succeed".equals(e.getValue().path("Type").asText())) {
                succeeds.add(e.getKey());
            }
        });
        if (!succeeds.contains(outcome)) {
            throw new CliException("the state machine has no Succeed state " + outcome + ": use --outcome with one of " + succeeds);
        }
        List<String> path = shortest(states, definition.path("StartAt").asText(), outcome);
        if (path.isEmpty()) {
            throw new CliException("the Succeed state " + outcome + " is reached only through a Catch (a failure):"
                    + " use --outcome with one that a successful run ends in");
        }
        for (String state : path) {
            String after = states.path(state).path("Next").asText(null);
            if ("Wait".equals(states.path(state).path("Type").asText()) && after != null) {
                List<String> cycle = shortest(states, after, state);
                if (!cycle.isEmpty()) {
                    List<String> loop = new ArrayList<>();
                    loop.add(state);
                    loop.addAll(cycle.subList(0, cycle.size() - 1));
                    return new RetrainPath(List.copyOf(path), List.copyOf(loop), definition);
                }
            }
        }
        return new RetrainPath(List.copyOf(path), List.of(), definition);
    }

    /** State transitions billed for a run whose polling loop runs {@code polls} times (at least once). */
    public long transitions(int polls) {
        return entered(polls).size();
    }

    /** The states entered when the loop runs {@code polls} times, in order. */
    public List<String> entered(int polls) {
        List<String> entered = new ArrayList<>(states);
        if (!loop.isEmpty() && polls > 1) {
            int at = states.indexOf(loop.get(0));
            for (int i = 1; i < polls; i++) {
                entered.addAll(at, loop);
            }
        }
        return entered;
    }

    /** The Task states entered when the loop runs {@code polls} times, e.g. ...:states:::dynamodb:putItem. */
    public List<JsonNode> tasks(int polls) {
        List<JsonNode> tasks = new ArrayList<>();
        for (String state : entered(polls)) {
            JsonNode node = definition.path("States").path(state);
            if ("Task".equals(node.path("Type").asText())) {
                tasks.add(node);
            }
        }
        return tasks;
    }

    /** The Wait state's Seconds at the top of the loop (0 without a loop or with SecondsPath). */
    public int waitSeconds() {
        return loop.isEmpty() ? 0 : definition.path("States").path(loop.get(0)).path("Seconds").asInt(0);
    }

    /** Execution history events (what Step Functions logs at level ALL): two per state, five per Task, two for the run. */
    public long historyEvents(int polls) {
        long events = 2;
        for (String state : entered(polls)) {
            events += "Task".equals(definition.path("States").path(state).path("Type").asText()) ? 5 : 2;
        }
        return events;
    }

    /** Breadth first from {@code from} (included) to {@code to} (included); empty when unreachable. */
    private static List<String> shortest(JsonNode states, String from, String to) {
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new LinkedHashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            String state = queue.poll();
            if (state.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String s = to; s != null; s = previous.get(s)) {
                    path.add(s);
                }
                Collections.reverse(path);
                return path;
            }
            for (String next : next(states.path(state))) {
                if (seen.add(next)) {
                    previous.put(next, state);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    /** Where a state goes when it does not fail: Next, or a Choice's rules and Default. */
    private static List<String> next(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.hasNonNull("Next")) {
            next.add(state.get("Next").asText());
        }
        for (JsonNode choice : state.path("Choices")) {
            next.add(choice.path("Next").asText());
        }
        if (state.hasNonNull("Default")) {
            next.add(state.get("Default").asText());
        }
        return next;
    }
}
