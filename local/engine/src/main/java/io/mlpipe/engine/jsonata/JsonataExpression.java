package io.mlpipe.engine.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;

import java.util.LinkedHashMap;
import java.util.Map;

/** One compiled "{% ... %}" expression. */
public final class JsonataExpression {
    private final String text;
    private final Jsonata compiled;

    private JsonataExpression(String text, Jsonata compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /** "A JSONata expression is a string that starts with {% and ends with %}". */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.textValue());
    }

    public static boolean isExpression(String s) {
        String t = s.trim();
        return t.startsWith("{%") && t.endsWith("%}") && t.length() >= 4;
    }

    /** Compiles the text between {% and %}; throws IllegalArgumentException on a syntax error. */
    public static JsonataExpression compile(String wrapped) {
        String t = wrapped.trim();
        String body = t.substring(2, t.length() - 2).trim();
        if (body.isEmpty()) throw new IllegalArgumentException("The JSONata expression '" + wrapped + "' is empty");
        try {
            return new JsonataExpression(body, Jsonata.jsonata(body));
        } catch (JException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The JSONata expression '" + body + "' is invalid: " + e.getMessage());
        }
    }

    public String text() { return text; }

    /** The value; a JSONata error (or an undefined result) is States.QueryEvaluationError. */
    public JsonNode evaluate(JsonataScope s) {
        Jsonata.Frame frame = compiled.createFrame();
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", JsonataConvert.toJava(s.input()));
        if (s.result() != null) states.put("result", JsonataConvert.toJava(s.result()));
        if (s.errorOutput() != null) states.put("errorOutput", JsonataConvert.toJava(s.errorOutput()));
        states.put("context", JsonataConvert.toJava(s.scope().context()));
        frame.bind("states", states);
        if (s.scope().variables() != null) {
            for (var e : s.scope().variables().snapshot().entrySet()) frame.bind(e.getKey(), JsonataConvert.toJava(e.getValue()));
        }
        AwsFunctions.bind(frame, s.scope().entropy(), s.scope().time());
        Object value;
        try {
            value = compiled.evaluate(null, frame);
        } catch (RuntimeException e) {
            // our own functions ($parse, $range, ...) fail with a StatesError, possibly wrapped by the library
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof StatesError se) throw se;
            }
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                    "An error occurred while evaluating the JSONata expression '" + text + "': " + e.getMessage());
        }
        return JsonataConvert.toJson(value);
    }
}
