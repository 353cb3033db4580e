package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.StateRun;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A Distributed Map's "ItemReader": "a dataset and its location" in Amazon S3.
 * <ul>
 * <li>{@code arn:aws:states:::s3:listObjectsV2} with Parameters Bucket (and Prefix): every object
 *     under the prefix is an item {"Etag", "Key", "LastModified" (epoch seconds), "Size", "StorageClass"};</li>
 * <li>{@code arn:aws:states:::s3:getObject} with Parameters Bucket and Key, and ReaderConfig
 *     InputType JSON ("a JSON array"), JSONL ("JSON Lines: one JSON object per line") or CSV (see
 *     {@link CsvItems}; CSVDelimiter COMMA, PIPE, SEMICOLON, SPACE, TAB).</li>
 * </ul>
 * "MaxItems ... limits the number of data items passed to the Map state" (MaxItemsPath reads it
 * from the state input); a CSV header row is not an item.
 */
final class ItemReader {
    /** The ItemReader's Parameters (JSONPath) or Arguments (JSONata), evaluated on the state input. */
    interface Arguments { JsonNode of(JsonNode input, StateRun run); }

    /** The ReaderConfig: how to turn an object's text into items. */
    record Config(String inputType, char csvDelimiter, List<String> csvHeaders, MapState.Number maxItems) {}

    private final S3Resource resource;
    private final Arguments arguments;
    private final Config config;

    ItemReader(S3Resource resource, Arguments arguments, Config config) {
        this.resource = resource;
        this.arguments = arguments;
        this.config = config;
    }

    /** The items, in file (or key) order. */
    ArrayNode read(JsonNode input, StateRun run) {
        JsonNode params = arguments == null ? Json.object() : arguments.of(input, run);
        double max = config.maxItems().of(input, run);
        long maxItems = max < 0 || max == 0 ? -1 : (long) max;
        return resource.action().equals("listObjectsV2") ? list(params, run, maxItems) : parse(body(params, run), maxItems);
    }

    private String body(JsonNode params, StateRun run) {
        JsonNode body = resource.call(params, run).get("Body");
        if (body == null || body.isNull()) throw new StatesError(ErrorNames.ITEM_READER_FAILED, "s3:getObject answered no Body");
        return body.isTextual() ? body.textValue() : Json.write(body);
    }

    private ArrayNode parse(String text, long maxItems) {
        return switch (config.inputType()) {
            case "CSV" -> CsvItems.parse(text, config.csvDelimiter(), config.csvHeaders(), maxItems);
            case "JSONL" -> jsonLines(text, maxItems);
            default -> jsonArray(text, maxItems);
        };
    }

    private static ArrayNode jsonArray(String text, long maxItems) {
        JsonNode v = Json.parseOr(text, ErrorNames.ITEM_READER_FAILED, "The object is not valid JSON");
        if (!v.isArray()) throw new StatesError(ErrorNames.ITEM_READER_FAILED, "The JSON object must hold an array, got " + Json.typeName(v));
        ArrayNode items = Json.NODES.arrayNode();
        for (JsonNode item : v) {
            if (maxItems >= 0 && items.size() >= maxItems) break;
            items.add(item);
        }
        return items;
    }

    private static ArrayNode jsonLines(String text, long maxItems) {
        ArrayNode items = Json.NODES.arrayNode();
        for (String line : text.split("\r?\n")) {
            if (maxItems >= 0 && items.size() >= maxItems) break;
            if (line.isBlank()) continue;
            items.add(Json.parseOr(line, ErrorNames.ITEM_READER_FAILED, "A JSON Lines line is not valid JSON"));
        }
        return items;
    }

    /** Every page of listObjectsV2 (ContinuationToken / NextContinuationToken). */
    private ArrayNode list(JsonNode params, StateRun run, long maxItems) {
        ArrayNode items = Json.NODES.arrayNode();
        JsonNode page = params;
        while (true) {
            JsonNode answer = resource.call(page, run);
            for (JsonNode o : answer.path("Contents")) {
                if (maxItems >= 0 && items.size() >= maxItems) return items;
                items.add(objectItem(o));
            }
            JsonNode next = answer.get("NextContinuationToken");
            if (!answer.path("IsTruncated").asBoolean(false) || next == null || !next.isTextual()) return items;
            // a new object per call: the integration may keep the parameters it was given
            ObjectNode following = params.isObject() ? ((ObjectNode) params).deepCopy() : Json.object();
            following.put("ContinuationToken", next.textValue());
            page = following;
        }
    }

    /** An S3 object as AWS passes it to a child execution: "Etag", "Key", "LastModified" in epoch seconds, "Size", "StorageClass". */
    private static ObjectNode objectItem(JsonNode o) {
        ObjectNode item = Json.object();
        JsonNode etag = o.has("ETag") ? o.get("ETag") : o.get("Etag");
        item.set("Etag", etag == null ? Json.NODES.nullNode() : etag);
        item.set("Key", o.path("Key"));
        item.set("LastModified", epochSeconds(o.get("LastModified")));
        item.set("Size", o.path("Size"));
        item.put("StorageClass", o.path("StorageClass").asText("STANDARD"));
        return item;
    }

    private static JsonNode epochSeconds(JsonNode v) {
        if (v == null || v.isNumber()) return v == null ? Json.NODES.nullNode() : v;
        try {
            return Json.NODES.numberNode(Instant.parse(v.asText()).getEpochSecond());
        } catch (DateTimeParseException e) {
            return v;
        }
    }
}
