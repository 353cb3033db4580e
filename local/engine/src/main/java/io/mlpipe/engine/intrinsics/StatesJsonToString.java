package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.JsonToString(value): "takes ... a path to a JSON value ... and returns it as an escaped string". */
final class StatesJsonToString extends IntrinsicFunction {
    StatesJsonToString() { super("States.JsonToString", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        return Json.NODES.textNode(Json.write(args[0]));
    }
}
