package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/**
 * States.StringSplit(string, delimiters): "split a string into an array of values"; every
 * character of the second argument is a delimiter ("This.is+a,test=string" split by ".+,=" gives
 * five words). Empty pieces are dropped.
 */
final class StatesStringSplit extends IntrinsicFunction {
    StatesStringSplit() { super("States.StringSplit", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        String s = string(args, 0), delimiters = string(args, 1);
        ArrayNode out = Json.NODES.arrayNode();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || delimiters.indexOf(s.charAt(i)) >= 0) {
                if (i > start) out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
