package io.mlpipe.tasks.aws;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts DynamoDB items to plain JSON-like maps and back (strings, numbers, booleans, lists, maps), the form
 * the item schemas describe.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static Map<String, Object> toPlain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((name, value) -> plain.put(name, toPlain(value)));
        return plain;
    }

    public static Map<String, AttributeValue> toItem(Map<String, ?> plain) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        plain.forEach((name, value) -> {
            if (value != null) {
                item.put(name, toAttribute(value));
            }
        });
        return item;
    }

    static Object toPlain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> number(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> value.l().stream().map(AttributeValues::toPlain).toList();
            case M -> toPlain(value.m());
            case SS -> value.ss();
            case NS -> value.ns().stream().map(AttributeValues::number).toList();
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        };
    }

    static AttributeValue toAttribute(Object value) {
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n instanceof BigDecimal b ? b.toPlainString() : n.toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(AttributeValues::toAttribute).toList());
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> m = (Map<String, ?>) map;
            return AttributeValue.fromM(toItem(m));
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getSimpleName() + " in DynamoDB");
    }

    /** Integral numbers become longs (versions, counts, epoch seconds), others doubles (metric values). */
    private static Number number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notIntegral) {
            return decimal.doubleValue();
        }
    }
}
