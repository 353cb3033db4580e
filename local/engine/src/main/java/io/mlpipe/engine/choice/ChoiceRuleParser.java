package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.jsonata.JsonataExpression;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/** Builds Choice rules from the definition, reporting problems as (location, message) pairs. */
public final class ChoiceRuleParser {
    private final BiConsumer<String, String> problems;

    /** @param problems receives (location, message) for each invalid rule; the returned rule is then unusable. */
    public ChoiceRuleParser(BiConsumer<String, String> problems) {
        this.problems = problems;
    }

    /** A JSONata "Condition". */
    public ChoiceRule condition(JsonNode condition, String at) {
        if (!JsonataExpression.isExpression(condition)) {
            problems.accept(at, "The Condition must be a JSONata expression ({% ... %})");
            return (i, s) -> false;
        }
        try {
            return new JsonataCondition(JsonataExpression.compile(condition.textValue()));
        } catch (IllegalArgumentException e) {
            problems.accept(at, e.getMessage());
            return (i, s) -> false;
        }
    }

    /** A JSONPath rule (top level or nested; top-level "Next"/"Assign"/"Comment" are ignored here). */
    public ChoiceRule rule(JsonNode node, String at) {
        if (!node.isObject()) {
            problems.accept(at, "A Choice Rule must be an object");
            return (i, s) -> false;
        }
        if (node.has("And")) return new AndRule(list(node.get("And"), at + "/And"));
        if (node.has("Or")) return new OrRule(list(node.get("Or"), at + "/Or"));
        if (node.has("Not")) return new NotRule(rule(node.get("Not"), at + "/Not"));
        JsonNode variable = node.get("Variable");
        if (variable == null || !variable.isTextual()) {
            problems.accept(at, "A comparison needs a 'Variable' path");
            return (i, s) -> false;
        }
        JsonPath path = path(variable.textValue(), at + "/Variable");
        List<Comparison> found = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("Variable") || f.equals("Next") || f.equals("Comment") || f.equals("Assign")) continue;
            boolean isPath = f.endsWith("Path") && !f.equals("IsPresentPath");
            Operator op = Operator.byName(isPath ? f.substring(0, f.length() - 4) : f);
            if (op == null || (isPath && (op.kind == Operator.Kind.TYPE_TEST || op.kind == Operator.Kind.MATCH))) {
                problems.accept(at + "/" + f, "The field '" + f + "' is not a supported comparison operator");
                continue;
            }
            JsonNode operand = node.get(f);
            if (isPath) {
                if (!operand.isTextual()) {
                    problems.accept(at + "/" + f, "The value of '" + f + "' must be a path");
                    continue;
                }
                found.add(new Comparison(path, op, null, path(operand.textValue(), at + "/" + f)));
            } else {
                if (!op.acceptsLiteral(operand)) {
                    problems.accept(at + "/" + f, "The value of '" + f + "' must be a " + expected(op));
                    continue;
                }
                found.add(new Comparison(path, op, operand, null));
            }
        }
        if (found.size() != 1) {
            if (found.isEmpty()) problems.accept(at, "A comparison needs exactly one comparison operator");
            else problems.accept(at, "A comparison must have exactly one comparison operator, found " + found.size());
            return (i, s) -> false;
        }
        return found.get(0);
    }

    private static String expected(Operator op) {
        return switch (op.kind) {
            case STRING, MATCH -> "string";
            case NUMERIC -> "number";
            case BOOLEAN, TYPE_TEST -> "boolean";
            case TIMESTAMP -> "timestamp string (RFC 3339)";
        };
    }

    private ChoiceRule[] list(JsonNode array, String at) {
        if (!array.isArray() || array.isEmpty()) {
            problems.accept(at, "The value must be a non-empty array of Choice Rules");
            return new ChoiceRule[0];
        }
        ChoiceRule[] rules = new ChoiceRule[array.size()];
        for (int i = 0; i < array.size(); i++) rules[i] = rule(array.get(i), at + "[" + i + "]");
        return rules;
    }

    private JsonPath path(String text, String at) {
        try {
            return JsonPath.compile(text);
        } catch (IllegalArgumentException e) {
            problems.accept(at, e.getMessage());
            return JsonPath.compile("$");
        }
    }
}
