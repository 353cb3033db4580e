package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.MathAdd(a, b): "returns the sum of two numbers ... integers ... between -2147483648 and 2147483647". */
final class StatesMathAdd extends IntrinsicFunction {
    StatesMathAdd() { super("States.MathAdd", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        long sum = (long) integer(args, 0) + integer(args, 1);
        return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
    }
}
