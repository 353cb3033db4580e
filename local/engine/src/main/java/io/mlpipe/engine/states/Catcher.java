package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.jsonata.JsonataTemplate;

import java.util.List;

/**
 * A "Catch" entry: "ErrorEquals ... Next (required) ... ResultPath (default $): the error output
 * {"Error": ..., "Cause": ...} is placed into the state's raw input at ResultPath" (JSONPath), or
 * "Output" with $states.errorOutput (JSONata); "Assign" sees the error output as "$".
 */
public record Catcher(List<String> errorEquals, String next, JsonPath resultPath, boolean resultNull,
                      JsonataTemplate output, boolean jsonata, Assignment assign) {

    public boolean matches(String error) { return ErrorMatcher.matches(errorEquals, error); }

    public JsonNode output(JsonNode raw, JsonNode errorOutput, Scope scope) {
        if (jsonata) return output == null ? errorOutput : output.evaluate(new JsonataScope(raw, null, errorOutput, scope));
        return JsonPathFlow.applyResultPath(resultPath, resultNull, raw, errorOutput);
    }
}
