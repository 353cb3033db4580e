package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.json.PayloadTemplate;
import io.mlpipe.engine.json.Scope;

/**
 * JSONPath input and output processing. A field that is absent is "$" (take everything); a field
 * that is null discards: "If InputPath is null, the effective input is {}", "If ResultPath is
 * null, the result is discarded and the state's output is its input", "If OutputPath is null,
 * the output is {}".
 *
 * @param inputPath      null together with {@code inputNull} false means "$"
 * @param parameters     null when absent
 * @param resultSelector null when absent
 * @param resultPath     null together with {@code resultNull} false means "$"
 * @param outputPath     null together with {@code outputNull} false means "$"
 */
public record JsonPathFlow(JsonPath inputPath, boolean inputNull, PayloadTemplate parameters,
                           PayloadTemplate resultSelector, JsonPath resultPath, boolean resultNull,
                           JsonPath outputPath, boolean outputNull, Assignment assign) implements DataFlow {

    public JsonNode input(JsonNode raw, Scope scope) {
        if (inputNull) return Json.object();
        if (inputPath == null || inputPath.isIdentity()) return raw;
        return select(inputPath, raw, scope, "InputPath");
    }

    public JsonNode parameters(JsonNode raw, JsonNode effective, Scope scope) {
        return parameters == null ? effective : parameters.evaluate(effective, scope);
    }

    public JsonNode select(JsonNode result, Scope scope) {
        return resultSelector == null ? result : resultSelector.evaluate(result, scope);
    }

    public JsonNode output(JsonNode raw, JsonNode result, Scope scope) {
        JsonNode combined = applyResultPath(resultPath, resultNull, raw, result);
        if (outputNull) return Json.object();
        if (outputPath == null || outputPath.isIdentity()) return combined;
        return select(outputPath, combined, scope, "OutputPath");
    }

    /**
     * "The ResultPath ... MUST be a Reference Path ... it specifies the raw input's combination
     * with or replacement by the state's result"; null discards the result, absent means "$".
     * Shared by states and their Catchers (which place the error output the same way).
     */
    static JsonNode applyResultPath(JsonPath resultPath, boolean resultNull, JsonNode raw, JsonNode result) {
        if (resultNull) return raw;
        if (resultPath == null || resultPath.isIdentity()) return result;
        JsonNode combined = resultPath.write(raw, result);
        if (combined == null) {
            throw new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE,
                    "Unable to apply ResultPath \"" + resultPath.text() + "\" to input \"" + Json.write(raw) + "\"");
        }
        return combined;
    }

    /** A path that does not match is States.Runtime, with AWS's wording. */
    private static JsonNode select(JsonPath path, JsonNode node, Scope scope, String field) {
        JsonNode v = path.read(node, scope);
        if (v == null) {
            throw new StatesError(ErrorNames.RUNTIME,
                    "Invalid path '" + path.text() + "' : No results for path: " + path.text() + " (" + field + ")");
        }
        return v;
    }
}
