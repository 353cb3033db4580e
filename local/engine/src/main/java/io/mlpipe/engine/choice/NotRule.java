package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Scope;

/** "Not: the value MUST be a single Choice Rule ... matches if it does not match". */
record NotRule(ChoiceRule rule) implements ChoiceRule {
    public boolean test(JsonNode input, Scope scope) { return !rule.test(input, scope); }
}
