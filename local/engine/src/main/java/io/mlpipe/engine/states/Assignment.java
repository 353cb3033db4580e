package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.PayloadTemplate;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.jsonata.JsonataTemplate;

/**
 * An "Assign" field. "All expressions in Assign are evaluated with the variable values from
 * before the state ran, then assigned together"; the new values are visible from the next state on.
 * In JSONPath, "$" is the state's result (after ResultSelector; the effective input for states
 * without a result; the error output in a Catcher). In JSONata, $states.input and $states.result.
 */
public interface Assignment {

    /** The variables to set, as an object of name -> value. */
    ObjectNode evaluate(JsonNode rawInput, JsonNode result, JsonNode errorOutput, Scope scope);

    static Assignment jsonPath(PayloadTemplate template) {
        return (raw, result, error, scope) -> (ObjectNode) template.evaluate(error != null ? error : result, scope);
    }

    static Assignment jsonata(JsonataTemplate template) {
        return (raw, result, error, scope) -> {
            JsonNode v = template.evaluate(new JsonataScope(raw, result, error, scope));
            return v.isObject() ? (ObjectNode) v : Json.object();
        };
    }
}
