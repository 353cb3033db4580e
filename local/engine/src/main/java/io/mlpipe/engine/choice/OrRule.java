package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/** "Or: ... a non-empty array of Choice Rules ... matches if any of them match" (short-circuit). */
record OrRule(ChoiceRule[] rules) implements ChoiceRule {
    public boolean test(JsonNode input, Scope scope) {
        for (ChoiceRule r : rules) if (r.test(input, scope)) return true;
        return false;
    }
}
