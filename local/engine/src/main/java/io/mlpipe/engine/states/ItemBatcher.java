package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.StateRun;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * "ItemBatcher ... process a group of items in a single child workflow execution": each child's
 * input is {"BatchInput": ..., "Items": [...]} ("BatchInput" only when given: "a fixed JSON input
 * to include in each batch"). A batch holds at most MaxItemsPerBatch items and at most
 * MaxInputBytesPerBatch bytes (the batch input's JSON, in UTF-8); a batch always holds at least one
 * item. ItemSelector applies to each item before batching.
 */
final class ItemBatcher {
    private final MapState.Number maxItems;
    private final MapState.Number maxBytes;
    private final ItemReader.Arguments batchInput;

    ItemBatcher(MapState.Number maxItems, MapState.Number maxBytes, ItemReader.Arguments batchInput) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.batchInput = batchInput;
    }

    /** The child executions' inputs. */
    List<JsonNode> batches(List<JsonNode> items, JsonNode input, StateRun run) {
        double mi = maxItems.of(input, run);
        double mb = maxBytes.of(input, run);
        long itemLimit = mi <= 0 ? Long.MAX_VALUE : (long) mi;
        long byteLimit = mb <= 0 ? Long.MAX_VALUE : (long) mb;
        JsonNode fixed = batchInput == null ? null : batchInput.of(input, run);
        List<JsonNode> batches = new ArrayList<>();
        ObjectNode batch = null;
        long bytes = 0;
        for (JsonNode item : items) {
            long itemBytes = bytes(item) + 1;
            if (batch == null || batch.get("Items").size() >= itemLimit || bytes + itemBytes > byteLimit) {
                batch = Json.object();
                if (fixed != null) batch.set("BatchInput", fixed);
                batch.putArray("Items");
                batches.add(batch);
                bytes = bytes(batch);
            }
            ((ArrayNode) batch.get("Items")).add(item);
            bytes += itemBytes;
        }
        return batches;
    }

    private static long bytes(JsonNode n) { return Json.write(n).getBytes(StandardCharsets.UTF_8).length; }
}
