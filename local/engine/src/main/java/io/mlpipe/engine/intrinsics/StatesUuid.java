package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.UUID(): "returns a version 4 universally unique identifier (v4 UUID) generated using random numbers". */
final class StatesUuid extends IntrinsicFunction {
    StatesUuid() { super("States.UUID", 0, 0); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        return Json.NODES.textNode(entropy.uuid());
    }
}
