package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.Array(values...): "takes zero or more arguments ... returns a JSON array containing the values ... in the order provided". */
final class StatesArray extends IntrinsicFunction {
    StatesArray() { super("States.Array", 0, -1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        ArrayNode out = Json.NODES.arrayNode(args.length);
        for (JsonNode a : args) out.add(a);
        return out;
    }
}
