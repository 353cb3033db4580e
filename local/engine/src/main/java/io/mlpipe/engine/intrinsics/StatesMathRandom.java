package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

import java.util.Random;

/**
 * States.MathRandom(start, end[, seed]): "returns a random number between the specified start
 * number (inclusive) and end number (exclusive)"; an integer seed makes the result repeatable.
 */
final class StatesMathRandom extends IntrinsicFunction {
    StatesMathRandom() { super("States.MathRandom", 2, 3); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        int start = integer(args, 0), end = integer(args, 1);
        if (end <= start) throw failure("the end must be greater than the start");
        double r = args.length == 3 ? new Random(integer(args, 2)).nextDouble() : entropy.nextDouble();
        return Json.NODES.numberNode(start + (int) Math.floor(r * ((long) end - start)));
    }
}
