package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.ArrayUnique(array): "removes duplicate values from an array and returns an array containing only unique elements" (first occurrence kept). */
final class StatesArrayUnique extends IntrinsicFunction {
    StatesArrayUnique() { super("States.ArrayUnique", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        ArrayNode out = Json.NODES.arrayNode();
        outer:
        for (JsonNode e : array(args, 0)) {
            for (JsonNode seen : out) if (JsonEquality.equal(seen, e)) continue outer;
            out.add(e);
        }
        return out;
    }
}
