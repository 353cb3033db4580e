package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

/**
 * States.Format(template, values...): "constructs a string from both literal and interpolated
 * values ... the literal string ... {} as placeholders ... the number of arguments after the
 * template must equal the number of {} occurrences"; \{ and \} are literal braces.
 */
final class StatesFormat extends IntrinsicFunction {
    StatesFormat() { super("States.Format", 1, -1); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        String template = string(args, 0);
        StringBuilder out = new StringBuilder(template.length() + 16);
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.length) throw failure("the template has more {} than there are arguments");
                appendValue(out, args[next++]);
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.length) throw failure("the template has fewer {} than there are arguments");
        return Json.NODES.textNode(out.toString());
    }

    /** Strings are inserted as they are; other values as JSON text. */
    private void appendValue(StringBuilder out, JsonNode v) {
        if (v.isTextual()) out.append(v.textValue());
        else if (v.isContainerNode()) throw failure("only strings, numbers, booleans and null can be interpolated");
        else out.append(v.asText());
    }
}
