package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.ArrayPartition(array, chunkSize): "partitions a large array ... chunk size ... last chunk may be smaller". */
final class StatesArrayPartition extends IntrinsicFunction {
    StatesArrayPartition() { super("States.ArrayPartition", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        JsonNode array = array(args, 0);
        int size = integer(args, 1);
        if (size <= 0) throw failure("the chunk size must be a positive integer");
        ArrayNode out = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) chunk = out.addArray();
            chunk.add(array.get(i));
        }
        return out;
    }
}
