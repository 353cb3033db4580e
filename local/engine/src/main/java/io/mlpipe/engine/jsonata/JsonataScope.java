package io.mlpipe.engine.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/**
 * What a JSONata expression sees: "$states.input" (the state's input), "$states.result" (the
 * task/branch result, after it exists), "$states.errorOutput" (in a Catch), "$states.context"
 * (the context object), and every workflow variable as $name.
 */
public record JsonataScope(JsonNode input, JsonNode result, JsonNode errorOutput, Scope scope) {}
