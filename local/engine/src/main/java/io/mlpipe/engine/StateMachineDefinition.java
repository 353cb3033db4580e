package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.states.StateGraph;
import io.mlpipe.engine.states.StateParser;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A parsed and validated state machine: immutable, shared by any number of concurrent
 * executions. Build it once (CreateStateMachine) with {@link #parse(String)}.
 */
public final class StateMachineDefinition {
    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");

    private final JsonNode source;
    private final StateGraph graph;
    private final QueryLanguage queryLanguage;
    private final long timeoutSeconds;

    private StateMachineDefinition(JsonNode source, StateGraph graph, QueryLanguage queryLanguage, long timeoutSeconds) {
        this.source = source;
        this.graph = graph;
        this.queryLanguage = queryLanguage;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Parses and validates; throws {@link DefinitionException} listing every problem. */
    public static StateMachineDefinition parse(String json) {
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(List.of(new Diagnostic("INVALID_JSON_DESCRIPTION", e.getMessage(), "/")));
        }
        return parse(node);
    }

    public static StateMachineDefinition parse(JsonNode node) {
        List<Diagnostic> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new DefinitionException(List.of(new Diagnostic("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "/")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_LEVEL.contains(f)) problems.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", "Field '" + f + "' is not supported by Step Functions", "/" + f));
        }
        QueryLanguage language = QueryLanguage.JSONPATH;
        if (node.has("QueryLanguage")) {
            language = QueryLanguage.of(node.get("QueryLanguage").asText());
            if (language == null) {
                problems.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", "The field 'QueryLanguage' must be JSONPath or JSONata", "/QueryLanguage"));
                language = QueryLanguage.JSONPATH;
            }
        }
        long timeout = 0;
        if (node.has("TimeoutSeconds")) {
            JsonNode t = node.get("TimeoutSeconds");
            if (!t.isIntegralNumber() || t.longValue() <= 0) {
                problems.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", "The field 'TimeoutSeconds' must be a positive integer", "/TimeoutSeconds"));
            } else {
                timeout = t.longValue();
            }
        }
        StateParser parser = new StateParser();
        StateGraph graph = parser.graph(node, "", language, Set.of());
        problems.addAll(parser.diagnostics());
        if (!problems.isEmpty()) throw new DefinitionException(problems);
        return new StateMachineDefinition(node, graph, language, timeout);
    }

    /** The problems of a definition (empty when valid), as ValidateStateMachineDefinition reports them. */
    public static List<Diagnostic> validate(String json) {
        try {
            parse(json);
            return List.of();
        } catch (DefinitionException e) {
            return e.diagnostics();
        }
    }

    public JsonNode source() { return source; }

    public StateGraph graph() { return graph; }

    public String startAt() { return graph.startAt(); }

    public QueryLanguage queryLanguage() { return queryLanguage; }

    /** The machine's "TimeoutSeconds", or 0 when it has none. */
    public long timeoutSeconds() { return timeoutSeconds; }

    /** True when the top level has a state with this name (a resume point must). */
    public boolean hasState(String name) { return graph.get(name) != null; }
}
