package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/**
 * States.JsonMerge(a, b, false): "merge two JSON objects into a single object ... the third
 * argument ... Step Functions only supports the shallow merging mode; therefore, you must specify
 * the boolean value as false" — in shallow mode the second object's top-level keys win.
 */
final class StatesJsonMerge extends IntrinsicFunction {
    StatesJsonMerge() { super("States.JsonMerge", 3, 3); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        if (!args[0].isObject() || !args[1].isObject()) throw failure("the first two arguments must be objects");
        if (!args[2].isBoolean()) throw failure("the third argument must be a boolean");
        if (args[2].booleanValue()) throw failure("only shallow merging is supported: the third argument must be false");
        ObjectNode out = Json.object();
        out.setAll((ObjectNode) args[0]);
        out.setAll((ObjectNode) args[1]);
        return out;
    }
}
