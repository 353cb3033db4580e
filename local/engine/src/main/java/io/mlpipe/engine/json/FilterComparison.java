package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One comparison of a JSONPath filter: a relative path ("@..."), and optionally an operator and a literal. */
record FilterComparison(List<PathSegment> path, String op, JsonNode literal) implements FilterPredicate {

    public boolean test(JsonNode element) {
        JsonNode v = element;
        for (PathSegment s : path) {
            v = s.selectOne(v);
            if (v == null) return false;
        }
        if (op == null) return true; // existence test
        if (v.isNumber() && literal.isNumber()) {
            int c = Double.compare(v.doubleValue(), literal.doubleValue());
            return compare(c);
        }
        if (v.isTextual() && literal.isTextual()) return compare(v.textValue().compareTo(literal.textValue()));
        return switch (op) {
            case "==" -> v.equals(literal);
            case "!=" -> !v.equals(literal);
            default -> false;
        };
    }

    private boolean compare(int c) {
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }
}
