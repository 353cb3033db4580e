package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/** A Boolean expression of a Choice state: a comparison, And/Or/Not, or a JSONata Condition. */
public interface ChoiceRule {
    boolean test(JsonNode input, Scope scope);
}
