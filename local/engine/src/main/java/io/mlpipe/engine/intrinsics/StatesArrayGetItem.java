package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.spi.Entropy;

/** States.ArrayGetItem(array, index): "returns a specified index's value" (zero-based). */
final class StatesArrayGetItem extends IntrinsicFunction {
    StatesArrayGetItem() { super("States.ArrayGetItem", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        JsonNode array = array(args, 0);
        int index = integer(args, 1);
        if (index < 0 || index >= array.size()) throw failure("index " + index + " is out of bounds for an array of " + array.size());
        return array.get(index);
    }
}
