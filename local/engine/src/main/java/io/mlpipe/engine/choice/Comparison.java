package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.json.Scope;

/**
 * A data-test expression: "Variable" (a path into the input, the context or a variable), a
 * comparison operator and its operand — a literal, or for the "...Path" operators a path whose
 * value is compared. "If the Variable's value is not of the type the operator expects, the
 * comparison is false" (e.g. NumericEquals on a string).
 */
record Comparison(JsonPath variable, Operator operator, JsonNode literal, JsonPath operandPath) implements ChoiceRule {

    public boolean test(JsonNode input, Scope scope) {
        JsonNode value = variable.read(input, scope);
        if (operator == Operator.IS_PRESENT) return (value != null) == literal.booleanValue();
        if (value == null) {
            throw new StatesError(ErrorNames.RUNTIME,
                    "Invalid path '" + variable.text() + "': The choice state's condition path references an invalid value.");
        }
        JsonNode operand = literal;
        if (operandPath != null) {
            operand = operandPath.read(input, scope);
            if (operand == null) {
                throw new StatesError(ErrorNames.RUNTIME,
                        "Invalid path '" + operandPath.text() + "': The choice state's condition path references an invalid value.");
            }
        }
        return operator.test(value, operand);
    }
}
