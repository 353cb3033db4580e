package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.ArrayContains(array, value): "determines if a specific value is present in an array". */
final class StatesArrayContains extends IntrinsicFunction {
    StatesArrayContains() { super("States.ArrayContains", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        JsonNode array = array(args, 0);
        for (JsonNode e : array) if (JsonEquality.equal(e, args[1])) return Json.NODES.booleanNode(true);
        return Json.NODES.booleanNode(false);
    }
}
