package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.Diagnostic;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.QueryLanguage;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.choice.ChoiceRule;
import io.mlpipe.engine.choice.ChoiceRuleParser;
import io.mlpipe.engine.intrinsics.IntrinsicExpression;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.json.PayloadTemplate;
import io.mlpipe.engine.json.Rfc3339;
import io.mlpipe.engine.jsonata.JsonataExpression;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.jsonata.JsonataTemplate;
import io.mlpipe.engine.runtime.StateRun;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a definition's "StartAt"/"States" into immutable states, collecting every problem as a
 * {@link Diagnostic} instead of stopping at the first. Parsing happens once per definition;
 * nothing here runs per execution.
 */
public final class StateParser {
    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    /** "Variable names ... must start with a letter or underscore, then letters, digits, underscores", at most 80 characters. */
    static final Pattern VARIABLE_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]{0,79}");
    static final int MAX_STATE_NAME = 80;

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> allStateNames = new HashSet<>();

    public List<Diagnostic> diagnostics() { return diagnostics; }

    /** An empty object, for optional sub-objects that are absent. */
    JsonNode emptyObject() { return Json.object(); }

    void problem(String code, String message, String at) { diagnostics.add(new Diagnostic(code, message, at)); }

    /**
     * Parses a graph ({@code node} has StartAt and States) at JSON pointer {@code at}.
     * {@code outerVariables} are the variable names assigned in enclosing scopes.
     */
    public StateGraph graph(JsonNode node, String at, QueryLanguage language, Set<String> outerVariables) {
        JsonNode startAt = node.get("StartAt");
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            problem(SCHEMA, "The field 'States' must be a non-empty object", at + "/States");
            return StateGraph.of("", Map.of());
        }
        if (startAt == null || !startAt.isTextual()) {
            problem(SCHEMA, "The field 'StartAt' must be a string", at + "/StartAt");
        } else if (!states.has(startAt.textValue())) {
            problem(MISSING_TARGET, "Missing 'StartAt' target: " + startAt.textValue(), at + "/StartAt");
        }
        Set<String> graphVariables = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            var e = it.next();
            collectAssignedNames(e.getValue(), graphVariables);
        }
        for (String v : graphVariables) {
            if (outerVariables.contains(v)) {
                problem(SCHEMA, "The variable '" + v + "' is already assigned in an outer scope; an inner scope must use another name", at + "/States");
            }
        }
        Set<String> visible = new HashSet<>(outerVariables);
        visible.addAll(graphVariables);
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            String stateAt = at + "/States/" + name;
            if (name.isEmpty() || name.length() > MAX_STATE_NAME) problem(SCHEMA, "State names must be 1 to 80 characters long", stateAt);
            if (!allStateNames.add(name)) problem(SCHEMA, "Duplicate State name: " + name, stateAt);
            State s = state(name, e.getValue(), stateAt, language, visible);
            if (s != null) parsed.put(name, s);
        }
        checkTransitions(startAt == null ? null : startAt.textValue(), states, at);
        return StateGraph.of(startAt == null ? "" : startAt.textValue(), parsed);
    }

    private static void collectAssignedNames(JsonNode state, Set<String> names) {
        addKeys(state.get("Assign"), names);
        for (String listField : List.of("Catch", "Choices")) {
            JsonNode list = state.get(listField);
            if (list != null && list.isArray()) for (JsonNode c : list) addKeys(c.get("Assign"), names);
        }
    }

    private static void addKeys(JsonNode assign, Set<String> names) {
        if (assign != null && assign.isObject()) {
            assign.fieldNames().forEachRemaining(k -> names.add(k.endsWith(".$") ? k.substring(0, k.length() - 2) : k));
        }
    }

    // --- transitions and reachability

    private void checkTransitions(String startAt, JsonNode states, String at) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            var e = it.next();
            String stateAt = at + "/States/" + e.getKey();
            List<String> targets = new ArrayList<>();
            JsonNode s = e.getValue();
            target(s.get("Next"), states, stateAt + "/Next", targets);
            target(s.get("Default"), states, stateAt + "/Default", targets);
            JsonNode choices = s.get("Choices");
            if (choices != null && choices.isArray()) {
                for (int i = 0; i < choices.size(); i++) target(choices.get(i).get("Next"), states, stateAt + "/Choices[" + i + "]/Next", targets);
            }
            JsonNode catches = s.get("Catch");
            if (catches != null && catches.isArray()) {
                for (int i = 0; i < catches.size(); i++) target(catches.get(i).get("Next"), states, stateAt + "/Catch[" + i + "]/Next", targets);
            }
            edges.put(e.getKey(), targets);
        }
        if (startAt == null || !states.has(startAt)) return;
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (reached.add(n)) todo.addAll(edges.getOrDefault(n, List.of()));
        }
        for (String name : edges.keySet()) {
            if (!reached.contains(name)) problem(SCHEMA, "State '" + name + "' is not reachable", at + "/States/" + name);
        }
        boolean terminal = false;
        for (String name : reached) {
            JsonNode s = states.get(name);
            String type = s.path("Type").asText();
            terminal |= type.equals("Succeed") || type.equals("Fail") || s.path("End").asBoolean(false);
        }
        if (!terminal) problem(SCHEMA, "No terminal state: the machine can never end", at + "/States");
    }

    private void target(JsonNode next, JsonNode states, String at, List<String> targets) {
        if (next == null) return;
        if (!next.isTextual()) {
            problem(SCHEMA, "A state transition target must be a string", at);
        } else if (!states.has(next.textValue())) {
            problem(MISSING_TARGET, "Missing '" + at.substring(at.lastIndexOf('/') + 1) + "' target: " + next.textValue(), at);
        } else {
            targets.add(next.textValue());
        }
    }

    // --- one state

    private State state(String name, JsonNode node, String at, QueryLanguage inherited, Set<String> variables) {
        if (!node.isObject()) {
            problem(SCHEMA, "A state must be an object", at);
            return null;
        }
        String type = node.path("Type").asText(null);
        if (type == null || !FieldSets.BY_TYPE.containsKey(type)) {
            problem(SCHEMA, "The field 'Type' must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map", at + "/Type");
            return null;
        }
        QueryLanguage language = inherited;
        JsonNode ql = node.get("QueryLanguage");
        if (ql != null) {
            language = QueryLanguage.of(ql.asText());
            if (language == null) {
                problem(SCHEMA, "The field 'QueryLanguage' must be JSONPath or JSONata", at + "/QueryLanguage");
                language = inherited;
            } else if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
                problem(SCHEMA, "A JSONPath state is not allowed when the state machine's QueryLanguage is JSONata", at + "/QueryLanguage");
            }
        }
        checkFields(type, node, at, language);
        checkEnd(type, node, at);
        boolean jsonata = language == QueryLanguage.JSONATA;
        AbstractState.Common common = new AbstractState.Common(name, flow(type, node, at, jsonata),
                node.path("Next").asText(null), retriers(node, at), catchers(node, at, jsonata));
        return switch (type) {
            case "Pass" -> new PassState(common, node.get("Result"));
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> new FailState(common, failText(node, "Error", at, jsonata), failText(node, "Cause", at, jsonata));
            case "Choice" -> choice(common, node, at, jsonata);
            case "Wait" -> new WaitState(common, waitUntil(node, at, jsonata));
            case "Task" -> task(common, node, at, jsonata);
            case "Parallel" -> parallel(common, node, at, language, variables);
            case "Map" -> map(common, node, at, language, jsonata, variables);
            default -> throw new IllegalStateException(type);
        };
    }

    private void checkFields(String type, JsonNode node, String at, QueryLanguage language) {
        Set<String> own = FieldSets.BY_TYPE.get(type);
        Set<String> pathOnly = FieldSets.JSONPATH_ONLY.get(type);
        Set<String> nataOnly = FieldSets.JSONATA_ONLY.get(type);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (FieldSets.COMMON.contains(f) || own.contains(f)) continue;
            if (pathOnly.contains(f)) {
                if (language == QueryLanguage.JSONATA) problem(SCHEMA, "The field '" + f + "' is not supported in JSONata states", at + "/" + f);
            } else if (nataOnly.contains(f)) {
                if (language == QueryLanguage.JSONPATH) problem(SCHEMA, "The field '" + f + "' is supported only in JSONata states", at + "/" + f);
            } else {
                problem(SCHEMA, "Field '" + f + "' is not supported by Step Functions in a " + type + " state", at + "/" + f);
            }
        }
    }

    private void checkEnd(String type, JsonNode node, String at) {
        if (!FieldSets.BY_TYPE.get(type).contains("Next")) return;
        JsonNode end = node.get("End");
        boolean isEnd = end != null && end.asBoolean(false);
        if (end != null && !end.isBoolean()) problem(SCHEMA, "The field 'End' must be a boolean", at + "/End");
        if (isEnd && node.has("Next")) problem(SCHEMA, "A state cannot have both 'Next' and 'End'", at);
        if (!isEnd && !node.has("Next")) problem(SCHEMA, "A " + type + " state must have 'Next' or 'End': true", at);
    }

    // --- data flow

    private DataFlow flow(String type, JsonNode node, String at, boolean jsonata) {
        if (jsonata) {
            return new JsonataFlow(jsonataTemplate(node.get("Arguments"), at + "/Arguments"),
                    jsonataTemplate(node.get("Output"), at + "/Output"), assignment(node.get("Assign"), at + "/Assign", true));
        }
        JsonNode params = type.equals("Map") ? null : node.get("Parameters");
        return new JsonPathFlow(path(node.get("InputPath"), at + "/InputPath", false), isNull(node, "InputPath"),
                template(params, at + "/Parameters"), template(node.get("ResultSelector"), at + "/ResultSelector"),
                path(node.get("ResultPath"), at + "/ResultPath", true), isNull(node, "ResultPath"),
                path(node.get("OutputPath"), at + "/OutputPath", false), isNull(node, "OutputPath"),
                assignment(node.get("Assign"), at + "/Assign", false));
    }

    private static boolean isNull(JsonNode node, String field) { return node.has(field) && node.get(field).isNull(); }

    JsonPath path(JsonNode value, String at, boolean reference) {
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            problem(SCHEMA, "The value must be a JSONPath string", at);
            return null;
        }
        try {
            JsonPath p = JsonPath.compile(value.textValue());
            if (reference && (!p.isReferencePath() || p.root() != JsonPath.Root.INPUT)) {
                problem(SCHEMA, "The value for the field '" + field(at) + "' must be a valid Reference Path (names and indexes only): " + value.textValue(), at);
            }
            return p;
        } catch (IllegalArgumentException e) {
            problem(SCHEMA, "The value for the field '" + field(at) + "' must be a valid JSONPath: " + e.getMessage(), at);
            return null;
        }
    }

    private static String field(String at) { return at.substring(at.lastIndexOf('/') + 1); }

    PayloadTemplate template(JsonNode value, String at) {
        if (value == null) return null;
        if (!value.isObject() && at.endsWith("/ResultSelector")) {
            problem(SCHEMA, "The field 'ResultSelector' must be an object", at);
            return null;
        }
        try {
            return PayloadTemplate.compile(value);
        } catch (IllegalArgumentException e) {
            problem(SCHEMA, e.getMessage(), at);
            return null;
        }
    }

    JsonataTemplate jsonataTemplate(JsonNode value, String at) {
        if (value == null) return null;
        try {
            return JsonataTemplate.compile(value);
        } catch (IllegalArgumentException e) {
            problem(SCHEMA, e.getMessage(), at);
            return null;
        }
    }

    private JsonataExpression jsonataExpression(JsonNode value, String at) {
        try {
            return JsonataExpression.compile(value.textValue());
        } catch (IllegalArgumentException e) {
            problem(SCHEMA, e.getMessage(), at);
            return null;
        }
    }

    private Assignment assignment(JsonNode value, String at, boolean jsonata) {
        if (value == null) return null;
        if (!value.isObject()) {
            problem(SCHEMA, "The field 'Assign' must be an object", at);
            return null;
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            String name = !jsonata && k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
            if (!VARIABLE_NAME.matcher(name).matches() || name.equals("states")) {
                problem(SCHEMA, "Invalid variable name '" + name + "'", at + "/" + k);
            }
        }
        if (jsonata) {
            JsonataTemplate t = jsonataTemplate(value, at);
            return t == null ? null : Assignment.jsonata(t);
        }
        PayloadTemplate t = template(value, at);
        return t == null ? null : Assignment.jsonPath(t);
    }

    // --- Retry and Catch

    private List<Retrier> retriers(JsonNode node, String at) {
        JsonNode retry = node.get("Retry");
        if (retry == null) return List.of();
        if (!retry.isArray()) {
            problem(SCHEMA, "The field 'Retry' must be an array", at + "/Retry");
            return List.of();
        }
        List<Retrier> out = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rAt = at + "/Retry[" + i + "]";
            List<String> errors = errorEquals(r, rAt, i == retry.size() - 1);
            unknownFields(r, rAt, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"));
            int interval = positiveInt(r, "IntervalSeconds", 1, 1, rAt);
            int maxAttempts = positiveInt(r, "MaxAttempts", 3, 0, rAt);
            double backoff = r.has("BackoffRate") ? r.get("BackoffRate").asDouble() : 2.0;
            if (r.has("BackoffRate") && (!r.get("BackoffRate").isNumber() || backoff < 1.0)) {
                problem(SCHEMA, "The field 'BackoffRate' must be a number >= 1.0", rAt + "/BackoffRate");
            }
            Double maxDelay = r.has("MaxDelaySeconds") ? (double) positiveInt(r, "MaxDelaySeconds", 1, 1, rAt) : null;
            String jitter = r.path("JitterStrategy").asText("NONE");
            if (!jitter.equals("FULL") && !jitter.equals("NONE")) problem(SCHEMA, "The field 'JitterStrategy' must be FULL or NONE", rAt + "/JitterStrategy");
            out.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter.equals("FULL")));
        }
        return List.copyOf(out);
    }

    private List<Catcher> catchers(JsonNode node, String at, boolean jsonata) {
        JsonNode catches = node.get("Catch");
        if (catches == null) return List.of();
        if (!catches.isArray()) {
            problem(SCHEMA, "The field 'Catch' must be an array", at + "/Catch");
            return List.of();
        }
        List<Catcher> out = new ArrayList<>();
        for (int i = 0; i < catches.size(); i++) {
            JsonNode c = catches.get(i);
            String cAt = at + "/Catch[" + i + "]";
            List<String> errors = errorEquals(c, cAt, i == catches.size() - 1);
            unknownFields(c, cAt, jsonata ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
                    : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment"));
            if (!c.path("Next").isTextual()) problem(SCHEMA, "A Catcher must have a 'Next' field", cAt);
            out.add(new Catcher(errors, c.path("Next").asText(), jsonata ? null : path(c.get("ResultPath"), cAt + "/ResultPath", true),
                    isNull(c, "ResultPath"), jsonata ? jsonataTemplate(c.get("Output"), cAt + "/Output") : null, jsonata,
                    assignment(c.get("Assign"), cAt + "/Assign", jsonata)));
        }
        return List.copyOf(out);
    }

    /** "ErrorEquals ... a non-empty array of Error Names"; "States.ALL ... MUST appear alone ... and in the last Retrier/Catcher". */
    private List<String> errorEquals(JsonNode node, String at, boolean last) {
        JsonNode e = node.get("ErrorEquals");
        if (e == null || !e.isArray() || e.isEmpty()) {
            problem(SCHEMA, "The field 'ErrorEquals' must be a non-empty array of strings", at + "/ErrorEquals");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : e) out.add(n.asText());
        if (out.contains(ErrorNames.ALL) && (out.size() > 1 || !last)) {
            problem(SCHEMA, "States.ALL must appear alone in the last ErrorEquals", at + "/ErrorEquals");
        }
        return List.copyOf(out);
    }

    void unknownFields(JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) problem(SCHEMA, "Field '" + f + "' is not supported here", at + "/" + f);
        }
    }

    private int positiveInt(JsonNode node, String field, int dflt, int min, String at) {
        JsonNode v = node.get(field);
        if (v == null) return dflt;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min) {
            problem(SCHEMA, "The field '" + field + "' must be an integer >= " + min, at + "/" + field);
            return dflt;
        }
        return v.intValue();
    }

    // --- per type

    private FailState.Text failText(JsonNode node, String field, String at, boolean jsonata) {
        JsonNode fixed = node.get(field);
        JsonNode path = node.get(field + "Path");
        if (fixed != null && path != null) problem(SCHEMA, "A Fail state cannot have both '" + field + "' and '" + field + "Path'", at);
        if (fixed != null && jsonata && JsonataExpression.isExpression(fixed)) {
            JsonataExpression e = jsonataExpression(fixed, at + "/" + field);
            return (input, run) -> e == null ? "" : asText(e.evaluate(new JsonataScope(input, null, null, run)));
        }
        if (fixed != null) {
            if (!fixed.isTextual()) problem(SCHEMA, "The field '" + field + "' must be a string", at + "/" + field);
            String text = fixed.asText();
            return (input, run) -> text;
        }
        if (path != null) {
            String text = path.asText();
            try {
                if (IntrinsicExpression.looksLikeCall(text)) {
                    IntrinsicExpression e = IntrinsicExpression.parse(text);
                    return (input, run) -> asText(e.evaluate(input, run));
                }
                JsonPath p = JsonPath.compile(text);
                return (input, run) -> {
                    JsonNode v = p.read(input, run);
                    if (v == null) throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + text + "' : No results for path");
                    return asText(v);
                };
            } catch (IllegalArgumentException e) {
                problem(SCHEMA, e.getMessage(), at + "/" + field + "Path");
            }
        }
        return (input, run) -> "";
    }

    private static String asText(JsonNode v) { return v.isTextual() ? v.textValue() : Json.write(v); }

    private State choice(AbstractState.Common common, JsonNode node, String at, boolean jsonata) {
        JsonNode choices = node.get("Choices");
        List<ChoiceState.Choice> out = new ArrayList<>();
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problem(SCHEMA, "The field 'Choices' must be a non-empty array", at + "/Choices");
        } else {
            ChoiceRuleParser rules = new ChoiceRuleParser((where, msg) -> problem(SCHEMA, msg, where));
            for (int i = 0; i < choices.size(); i++) {
                JsonNode c = choices.get(i);
                String cAt = at + "/Choices[" + i + "]";
                if (!c.path("Next").isTextual()) problem(SCHEMA, "A Choice Rule must have a 'Next' field", cAt);
                ChoiceRule rule;
                if (jsonata) {
                    unknownFields(c, cAt, Set.of("Condition", "Next", "Assign", "Output", "Comment"));
                    rule = rules.condition(c.get("Condition"), cAt + "/Condition");
                } else {
                    rule = rules.rule(c, cAt);
                }
                out.add(new ChoiceState.Choice(rule, c.path("Next").asText(), assignment(c.get("Assign"), cAt + "/Assign", jsonata),
                        jsonata ? jsonataTemplate(c.get("Output"), cAt + "/Output") : null));
            }
        }
        return new ChoiceState(common, List.copyOf(out), node.path("Default").asText(null));
    }

    private WaitState.Until waitUntil(JsonNode node, String at, boolean jsonata) {
        List<String> given = new ArrayList<>();
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) if (node.has(f)) given.add(f);
        if (given.size() != 1) {
            problem(SCHEMA, "A Wait state must have exactly one of Seconds, SecondsPath, Timestamp, TimestampPath", at);
            return (input, run) -> 0;
        }
        String f = given.get(0);
        JsonNode v = node.get(f);
        String fAt = at + "/" + f;
        if (jsonata && JsonataExpression.isExpression(v)) {
            JsonataExpression e = jsonataExpression(v, fAt);
            if (e == null) return (input, run) -> 0;
            if (f.equals("Seconds")) return (input, run) -> seconds(e.evaluate(new JsonataScope(input, null, null, run)), f);
            return timestampUntil((input, run) -> e.evaluate(new JsonataScope(input, null, null, run)));
        }
        switch (f) {
            case "Seconds" -> {
                if (!v.isIntegralNumber() || v.longValue() < 0) problem(SCHEMA, "The field 'Seconds' must be a non-negative integer", fAt);
                long s = v.asLong();
                return (input, run) -> s;
            }
            case "Timestamp" -> {
                OffsetDateTime t = v.isTextual() ? timestamp(v.textValue()) : null;
                if (t == null) problem(SCHEMA, "The field 'Timestamp' must be an RFC 3339 timestamp", fAt);
                long millis = t == null ? 0 : t.toInstant().toEpochMilli();
                return new WaitState.Until() {
                    public double seconds(JsonNode input, StateRun run) { return -1; }

                    public long instantMillis(JsonNode input, StateRun run) { return millis; }
                };
            }
            default -> {
                JsonPath p = path(v, fAt, true);
                if (p == null) return (input, run) -> 0;
                if (f.equals("SecondsPath")) return (input, run) -> seconds(read(p, input, run), f);
                return timestampUntil((input, run) -> read(p, input, run));
            }
        }
    }

    private static WaitState.Until timestampUntil(java.util.function.BiFunction<JsonNode, StateRun, JsonNode> value) {
        return new WaitState.Until() {
            public double seconds(JsonNode input, StateRun run) { return -1; }

            public long instantMillis(JsonNode input, StateRun run) {
                JsonNode v = value.apply(input, run);
                OffsetDateTime t = v.isTextual() ? timestamp(v.textValue()) : null;
                if (t == null) throw new StatesError(ErrorNames.RUNTIME, "The Wait state's timestamp is not an RFC 3339 timestamp: " + v);
                return t.toInstant().toEpochMilli();
            }
        };
    }

    static JsonNode read(JsonPath p, JsonNode input, StateRun run) {
        JsonNode v = p.read(input, run);
        if (v == null) throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + p.text() + "' : No results for path");
        return v;
    }

    private static double seconds(JsonNode v, String field) {
        if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw new StatesError(ErrorNames.RUNTIME, "The value of " + field + " must be a non-negative integer, got " + v);
        }
        return v.doubleValue();
    }

    static OffsetDateTime timestamp(String s) { return Rfc3339.parse(s); }

    private State task(AbstractState.Common common, JsonNode node, String at, boolean jsonata) {
        JsonNode r = node.get("Resource");
        TaskResource resource = null;
        if (r == null || !r.isTextual()) {
            problem(SCHEMA, "A Task state must have a 'Resource' string", at + "/Resource");
        } else {
            resource = TaskResource.parse(r.textValue());
            if (resource == null) problem(SCHEMA, "Value is not a valid resource ARN: " + r.textValue(), at + "/Resource");
        }
        TaskState.Seconds timeout = taskSeconds(node, "TimeoutSeconds", at, jsonata);
        TaskState.Seconds heartbeat = taskSeconds(node, "HeartbeatSeconds", at, jsonata);
        JsonNode t = node.get("TimeoutSeconds"), h = node.get("HeartbeatSeconds");
        if (t != null && h != null && t.isIntegralNumber() && h.isIntegralNumber() && h.longValue() >= t.longValue()) {
            problem(SCHEMA, "HeartbeatSeconds must be smaller than TimeoutSeconds", at + "/HeartbeatSeconds");
        }
        TaskState.Credentials credentials = null;
        JsonNode c = node.get("Credentials");
        if (c != null) {
            if (jsonata) {
                JsonataTemplate tpl = jsonataTemplate(c, at + "/Credentials");
                credentials = tpl == null ? null : (input, run) -> tpl.evaluate(new JsonataScope(input, null, null, run));
            } else {
                PayloadTemplate tpl = template(c, at + "/Credentials");
                credentials = tpl == null ? null : tpl::evaluate;
            }
        }
        if (resource == null) resource = new TaskResource("", "", "", io.mlpipe.engine.spi.IntegrationPattern.REQUEST_RESPONSE, null, "", "");
        return new TaskState(common, resource, timeout, heartbeat, credentials);
    }

    /** TimeoutSeconds / HeartbeatSeconds: "a positive integer", or its ...Path (JSONPath) or an expression (JSONata). */
    private TaskState.Seconds taskSeconds(JsonNode node, String field, String at, boolean jsonata) {
        JsonNode v = node.get(field);
        JsonNode p = node.get(field + "Path");
        if (v != null && p != null) problem(SCHEMA, "A Task state cannot have both '" + field + "' and '" + field + "Path'", at);
        if (v != null) {
            if (jsonata && JsonataExpression.isExpression(v)) {
                JsonataExpression e = jsonataExpression(v, at + "/" + field);
                return (input, run) -> e == null ? 0 : positiveSeconds(e.evaluate(new JsonataScope(input, null, null, run)), field);
            }
            if (!v.isIntegralNumber() || v.longValue() <= 0) problem(SCHEMA, "The field '" + field + "' must be a positive integer", at + "/" + field);
            long s = v.asLong();
            return (input, run) -> s;
        }
        if (p != null) {
            JsonPath path = path(p, at + "/" + field + "Path", true);
            if (path != null) return (input, run) -> positiveSeconds(read(path, input, run), field);
        }
        return (input, run) -> 0;
    }

    private static long positiveSeconds(JsonNode v, String field) {
        if (!v.isIntegralNumber() || v.longValue() <= 0) throw new StatesError(ErrorNames.RUNTIME, "The value of " + field + " must be a positive integer, got " + v);
        return v.longValue();
    }

    private State parallel(AbstractState.Common common, JsonNode node, String at, QueryLanguage language, Set<String> variables) {
        JsonNode branches = node.get("Branches");
        List<StateGraph> graphs = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            problem(SCHEMA, "The field 'Branches' must be a non-empty array", at + "/Branches");
        } else {
            for (int i = 0; i < branches.size(); i++) graphs.add(graph(branches.get(i), at + "/Branches[" + i + "]", language, variables));
        }
        return new ParallelState(common, List.copyOf(graphs));
    }

    private State map(AbstractState.Common common, JsonNode node, String at, QueryLanguage language, boolean jsonata, Set<String> variables) {
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        StateGraph processor = StateGraph.of("", Map.of());
        if (node.has("ItemProcessor") && node.has("Iterator")) problem(SCHEMA, "A Map state cannot have both 'ItemProcessor' and 'Iterator'", at);
        boolean distributed = false;
        if (processorNode == null || !processorNode.isObject()) {
            problem(SCHEMA, "A Map state must have an 'ItemProcessor' (or 'Iterator')", at + "/ItemProcessor");
        } else {
            String processorAt = at + (node.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator");
            distributed = DistributedMapParser.isDistributed(processorNode.get("ProcessorConfig"), processorAt + "/ProcessorConfig", this);
            // "A Distributed Map's child workflow executions can't access the variables of the parent workflow."
            processor = graph(processorNode, processorAt, language, distributed ? Set.of() : variables);
        }
        if (!distributed) {
            for (String f : DistributedMapParser.DISTRIBUTED_ONLY) {
                if (node.has(f)) problem(SCHEMA, "The field '" + f + "' is supported only when the Map state's ProcessorConfig Mode is DISTRIBUTED", at + "/" + f);
            }
        }
        if (node.has("ItemSelector") && node.has("Parameters")) problem(SCHEMA, "A Map state cannot have both 'ItemSelector' and 'Parameters'", at);
        JsonNode selectorNode = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
        MapState.ItemSelector selector = null;
        MapState.Items items;
        if (jsonata) {
            if (selectorNode != null) {
                JsonataTemplate t = jsonataTemplate(selectorNode, at + "/ItemSelector");
                if (t != null) selector = (input, scope) -> t.evaluate(new JsonataScope(input, null, null, scope));
            }
            JsonNode itemsNode = node.get("Items");
            JsonataTemplate t = itemsNode == null ? null : jsonataTemplate(itemsNode, at + "/Items");
            items = (input, run) -> {
                JsonNode v = t == null ? input : t.evaluate(new JsonataScope(input, null, null, run));
                if (!v.isArray()) throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, "The Items of a Map state must be an array, got " + Json.typeName(v));
                return v;
            };
        } else {
            if (selectorNode != null) {
                PayloadTemplate t = template(selectorNode, at + "/ItemSelector");
                if (t != null) selector = t::evaluate;
            }
            JsonPath itemsPath = path(node.get("ItemsPath"), at + "/ItemsPath", true);
            items = (input, run) -> {
                JsonNode v = itemsPath == null ? input : read(itemsPath, input, run);
                if (!v.isArray()) {
                    throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + (itemsPath == null ? "$" : itemsPath.text()) + "': The value is not a JSON array");
                }
                return v;
            };
        }
        MapState.Number maxConcurrency = mapNumber(node, "MaxConcurrency", at, jsonata, Double.MAX_VALUE);
        MapState.Number toleratedCount = mapNumber(node, "ToleratedFailureCount", at, jsonata, Double.MAX_VALUE);
        MapState.Number toleratedPercentage = mapNumber(node, "ToleratedFailurePercentage", at, jsonata, 100);
        if (distributed) {
            return new DistributedMapParser(this, node, at, jsonata).state(common, items, selector, processor,
                    maxConcurrency, toleratedCount, toleratedPercentage, processorNode.get("ProcessorConfig"));
        }
        return new MapState(common, items, selector, processor, maxConcurrency, toleratedCount, toleratedPercentage);
    }

    /** MaxConcurrency / ToleratedFailureCount / ToleratedFailurePercentage: a number, its ...Path, or (JSONata) an expression; -1 when absent. */
    MapState.Number mapNumber(JsonNode node, String field, String at, boolean jsonata, double max) {
        JsonNode v = node.get(field);
        JsonNode p = node.get(field + "Path");
        if (v != null && p != null) problem(SCHEMA, "A Map state cannot have both '" + field + "' and '" + field + "Path'", at);
        if (v != null) {
            if (jsonata && JsonataExpression.isExpression(v)) {
                JsonataExpression e = jsonataExpression(v, at + "/" + field);
                return (input, run) -> e == null ? -1 : checkedNumber(e.evaluate(new JsonataScope(input, null, null, run)), field, max);
            }
            if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > max) {
                problem(SCHEMA, "The field '" + field + "' must be a number between 0 and " + (max == Double.MAX_VALUE ? "2^31" : (long) max), at + "/" + field);
            }
            double d = v.asDouble();
            return (input, run) -> d;
        }
        if (p != null) {
            JsonPath path = path(p, at + "/" + field + "Path", true);
            if (path != null) return (input, run) -> checkedNumber(read(path, input, run), field, max);
        }
        return (input, run) -> -1;
    }

    private static double checkedNumber(JsonNode v, String field, double max) {
        if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > max) {
            throw new StatesError(ErrorNames.RUNTIME, "The value of " + field + " must be a number between 0 and " + max + ", got " + v);
        }
        return v.doubleValue();
    }
}
