package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.ArrayLength(array): "returns the length of an array". */
final class StatesArrayLength extends IntrinsicFunction {
    StatesArrayLength() { super("States.ArrayLength", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        return Json.NODES.numberNode(array(args, 0).size());
    }
}
