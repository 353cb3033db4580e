package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/**
 * States.ArrayRange(start, end, step): "creates a new array containing a specific range of
 * elements ... the first ... the final element ... the increment"; end is included when reached,
 * and "the array ... can't contain more than 1000 items".
 */
final class StatesArrayRange extends IntrinsicFunction {
    static final int MAX_ITEMS = 1000;

    StatesArrayRange() { super("States.ArrayRange", 3, 3); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        long start = integer(args, 0), end = integer(args, 1), step = integer(args, 2);
        if (step == 0) throw failure("the step must not be 0");
        long count = (end - start) / step + 1;
        if (count > MAX_ITEMS) throw failure("the range would have more than " + MAX_ITEMS + " items");
        ArrayNode out = Json.NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) out.add((int) v);
        return out;
    }
}
