package io.mlpipe.engine.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Rfc3339;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** The comparison operators of Choice rules; each knows the operand type it needs. */
enum Operator {
    STRING_EQUALS("StringEquals", Kind.STRING, c -> c == 0),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, c -> c < 0),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, c -> c > 0),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, c -> c <= 0),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, c -> c >= 0),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, c -> c == 0),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, c -> c < 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, c -> c > 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, c -> c <= 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, c -> c >= 0),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, c -> c == 0),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, c -> c == 0),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, c -> c < 0),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, c -> c > 0),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, c -> c <= 0),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, c -> c >= 0),
    /** "StringMatches: ... * matches zero or more characters; \* and \\ are a literal star and backslash". */
    STRING_MATCHES("StringMatches", Kind.MATCH, null),
    IS_NULL("IsNull", Kind.TYPE_TEST, null),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, null),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, null),
    IS_STRING("IsString", Kind.TYPE_TEST, null),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, null),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, null);

    enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, MATCH, TYPE_TEST }

    interface Verdict { boolean of(int comparison); }

    private static final Map<String, Operator> BY_NAME = new HashMap<>();

    static {
        for (Operator o : values()) BY_NAME.put(o.fieldName, o);
    }

    final String fieldName;
    final Kind kind;
    private final Verdict verdict;

    Operator(String fieldName, Kind kind, Verdict verdict) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.verdict = verdict;
    }

    /** The operator for a field name such as "NumericLessThan" (or "NumericLessThanPath": the caller strips "Path"). */
    static Operator byName(String name) { return BY_NAME.get(name); }

    /** The literal operand a rule must carry for this operator, checked at load time. */
    boolean acceptsLiteral(JsonNode v) {
        return switch (kind) {
            case STRING, MATCH -> v.isTextual();
            case NUMERIC -> v.isNumber();
            case BOOLEAN, TYPE_TEST -> v.isBoolean();
            case TIMESTAMP -> v.isTextual() && timestamp(v.textValue()) != null;
        };
    }

    boolean test(JsonNode value, JsonNode operand) {
        return switch (kind) {
            case STRING -> value.isTextual() && operand.isTextual() && verdict.of(value.textValue().compareTo(operand.textValue()));
            case NUMERIC -> value.isNumber() && operand.isNumber() && verdict.of(compareNumbers(value, operand));
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> {
                OffsetDateTime a = value.isTextual() ? timestamp(value.textValue()) : null;
                OffsetDateTime b = operand.isTextual() ? timestamp(operand.textValue()) : null;
                yield a != null && b != null && verdict.of(a.toInstant().compareTo(b.toInstant()));
            }
            case MATCH -> value.isTextual() && matches(value.textValue(), operand.textValue());
            case TYPE_TEST -> typeTest(value) == operand.booleanValue();
        };
    }

    private boolean typeTest(JsonNode v) {
        return switch (this) {
            case IS_NULL -> v.isNull();
            case IS_NUMERIC -> v.isNumber();
            case IS_STRING -> v.isTextual();
            case IS_BOOLEAN -> v.isBoolean();
            case IS_TIMESTAMP -> v.isTextual() && timestamp(v.textValue()) != null;
            default -> throw new IllegalStateException(name());
        };
    }

    static int compareNumbers(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a.isBigDecimal() || b.isBigDecimal()) return a.decimalValue().compareTo(b.decimalValue());
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    static OffsetDateTime timestamp(String s) { return Rfc3339.parse(s); }

    /** Wildcard match without regular expressions: '*' is any run of characters. */
    static boolean matches(String text, String pattern) {
        return matches(text, 0, pattern, 0);
    }

    private static boolean matches(String t, int ti, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') pi++;
                if (pi == p.length()) return true;
                for (int k = ti; k <= t.length(); k++) if (matches(t, k, p, pi)) return true;
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) c = p.charAt(++pi);
            if (ti >= t.length() || t.charAt(ti) != c) return false;
            ti++;
            pi++;
        }
        return ti == t.length();
    }
}
