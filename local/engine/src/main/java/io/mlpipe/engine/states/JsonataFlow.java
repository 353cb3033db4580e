package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.jsonata.JsonataTemplate;

/**
 * JSONata processing: "Arguments" (evaluated with $states.input) replaces Parameters, "Output"
 * (with $states.input and $states.result) replaces ResultSelector/ResultPath/OutputPath. Without
 * Output the state's output is its result (for Pass, Choice, Wait, Succeed: its input).
 */
public record JsonataFlow(JsonataTemplate arguments, JsonataTemplate output, Assignment assign) implements DataFlow {

    public JsonNode input(JsonNode raw, Scope scope) { return raw; }

    public JsonNode parameters(JsonNode raw, JsonNode effective, Scope scope) {
        return arguments == null ? effective : arguments.evaluate(new JsonataScope(raw, null, null, scope));
    }

    public JsonNode select(JsonNode result, Scope scope) { return result; }

    public JsonNode output(JsonNode raw, JsonNode result, Scope scope) {
        return output == null ? result : output.evaluate(new JsonataScope(raw, result, null, scope));
    }
}
