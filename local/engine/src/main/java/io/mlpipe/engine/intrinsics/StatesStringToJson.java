package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/** States.StringToJson(string): "takes a data reference to an escaped JSON string ... returns the unescaped JSON". */
final class StatesStringToJson extends IntrinsicFunction {
    StatesStringToJson() { super("States.StringToJson", 1, 1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        String s = string(args, 0);
        if (s.isBlank()) throw failure("the string is empty");
        return Json.parseOr(s, ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in States.StringToJson");
    }
}
