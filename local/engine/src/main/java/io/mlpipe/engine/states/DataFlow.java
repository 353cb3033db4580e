package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/** A state's input/output processing, in one of the two query languages. */
public interface DataFlow {

    /** JSONPath InputPath; the identity in JSONata. */
    JsonNode input(JsonNode raw, Scope scope);

    /** Parameters (JSONPath) / Arguments (JSONata); the effective input itself when the field is absent. */
    JsonNode parameters(JsonNode raw, JsonNode effective, Scope scope);

    /** ResultSelector (JSONPath); the identity in JSONata. */
    JsonNode select(JsonNode result, Scope scope);

    /** ResultPath then OutputPath (JSONPath) / Output (JSONata): the state's output. */
    JsonNode output(JsonNode raw, JsonNode result, Scope scope);

    /** The state's Assign, or null. */
    Assignment assign();
}
