package io.mlpipe.engine.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson trees to the plain Java values the JSONata library works on, and back. */
final class JsonataConvert {
    private JsonataConvert() {}

    static Object toJava(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isInt()) return n.intValue();
        if (n.isLong()) return n.longValue();
        if (n.isNumber()) return n.isIntegralNumber() ? n.bigIntegerValue().doubleValue() : n.doubleValue();
        if (n.isArray()) {
            List<Object> list = new ArrayList<>(n.size());
            for (JsonNode e : n) list.add(toJava(e));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            map.put(e.getKey(), toJava(e.getValue()));
        }
        return map;
    }

    static JsonNode toJson(Object v) {
        if (v == null) return Json.NODES.nullNode();
        if (v instanceof String s) return Json.NODES.textNode(s);
        if (v instanceof Boolean b) return Json.NODES.booleanNode(b);
        if (v instanceof Integer i) return Json.NODES.numberNode(i);
        if (v instanceof Long l) return Json.NODES.numberNode(l);
        if (v instanceof BigInteger b) return Json.NODES.numberNode(b);
        if (v instanceof BigDecimal d) return Json.NODES.numberNode(d);
        if (v instanceof Number num) {
            double d = num.doubleValue();
            // JSONata has one number type: integral results print as integers, as AWS does.
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return Json.NODES.numberNode((long) d);
            return Json.NODES.numberNode(d);
        }
        if (v instanceof List<?> list) {
            ArrayNode a = Json.NODES.arrayNode(list.size());
            for (Object e : list) a.add(toJson(e));
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = Json.object();
            for (var e : map.entrySet()) o.set(String.valueOf(e.getKey()), toJson(e.getValue()));
            return o;
        }
        return Json.NODES.textNode(String.valueOf(v));
    }
}
