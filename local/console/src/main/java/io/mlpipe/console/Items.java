package io.mlpipe.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB items as plain JSON (numbers as numbers), and reading a whole (small) table. */
public final class Items {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Items() {
    }

    /** Every item of the table; the console's tables are small, one per run, version or request. */
    public static List<ObjectNode> scan(DynamoDbClient dynamoDb, String table) {
        List<ObjectNode> items = new ArrayList<>();
        dynamoDb.scanPaginator(r -> r.tableName(table)).items().forEach(item -> items.add(json(item)));
        return items;
    }

    public static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode out = NODES.objectNode();
        item.forEach((name, value) -> out.set(name, json(value)));
        return out;
    }

    private static JsonNode json(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> NODES.numberNode(new BigDecimal(value.n()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case M -> json(value.m());
            case L -> {
                ArrayNode list = NODES.arrayNode();
                value.l().forEach(v -> list.add(json(v)));
                yield list;
            }
            case SS -> {
                ArrayNode list = NODES.arrayNode();
                value.ss().forEach(list::add);
                yield list;
            }
            case NS -> {
                ArrayNode list = NODES.arrayNode();
                value.ns().forEach(n -> list.add(new BigDecimal(n)));
                yield list;
            }
            default -> NODES.textNode(String.valueOf(value));
        };
    }
}
