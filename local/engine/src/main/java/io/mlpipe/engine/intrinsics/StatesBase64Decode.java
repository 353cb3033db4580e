package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** States.Base64Decode(string): "decode data based on MIME Base64 decoding scheme ... up to 10,000 characters". */
final class StatesBase64Decode extends IntrinsicFunction {
    StatesBase64Decode() { super("States.Base64Decode", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        String s = string(args, 0);
        if (s.length() > 10_000) throw failure("the input is longer than 10000 characters");
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("the input is not Base64: " + e.getMessage());
        }
    }
}
