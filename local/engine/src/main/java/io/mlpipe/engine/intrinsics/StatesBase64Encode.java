package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** States.Base64Encode(string): "encode data based on MIME Base64 encoding scheme ... up to 10,000 characters". */
final class StatesBase64Encode extends IntrinsicFunction {
    StatesBase64Encode() { super("States.Base64Encode", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        String s = string(args, 0);
        if (s.length() > 10_000) throw failure("the input is longer than 10000 characters");
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }
}
