package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.jsonata.JsonataExpression;
import io.mlpipe.engine.jsonata.JsonataScope;

/** JSONata "Condition": "an expression that must evaluate to a Boolean"; anything else is States.QueryEvaluationError. */
record JsonataCondition(JsonataExpression expression) implements ChoiceRule {
    public boolean test(JsonNode input, Scope scope) {
        JsonNode v = expression.evaluate(new JsonataScope(input, null, null, scope));
        if (!v.isBoolean()) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                    "The Condition '" + expression.text() + "' returned " + v + ", not a boolean");
        }
        return v.booleanValue();
    }
}
