package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/** "And: the value MUST be a non-empty array of Choice Rules ... matches if all of them match" (short-circuit). */
record AndRule(ChoiceRule[] rules) implements ChoiceRule {
    public boolean test(JsonNode input, Scope scope) {
        for (ChoiceRule r : rules) if (!r.test(input, scope)) return false;
        return true;
    }
}
