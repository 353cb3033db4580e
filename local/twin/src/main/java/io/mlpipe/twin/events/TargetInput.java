package io.mlpipe.twin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule target receives, as EventBridge builds it: the whole event; or {@code Input} (constant
 * JSON text); or the part {@code InputPath} selects; or an {@code InputTransformer}'s template with each
 * {@code <name>} replaced by the value its path selects. Inside a quoted string a placeholder is replaced
 * by the value's text, elsewhere by its JSON.
 */
public final class TargetInput {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

    private TargetInput() {
    }

    public static String of(JsonNode target, ObjectNode event, String ruleName, String ruleArn) {
        if (target.hasNonNull("Input")) {
            return target.get("Input").asText();
        }
        if (target.hasNonNull("InputPath")) {
            return JsonPaths.select(event, target.get("InputPath").asText()).toString();
        }
        JsonNode transformer = target.get("InputTransformer");
        if (transformer != null && transformer.hasNonNull("InputTemplate")) {
            Map<String, JsonNode> values = new HashMap<>();
            transformer.path("InputPathsMap").fields().forEachRemaining(e ->
                    values.put(e.getKey(), JsonPaths.select(event, e.getValue().asText())));
            values.put("aws.events.rule-name", Json.MAPPER.getNodeFactory().textNode(ruleName));
            values.put("aws.events.rule-arn", Json.MAPPER.getNodeFactory().textNode(ruleArn));
            values.put("aws.events.event", event);
            values.put("aws.events.event.json", event);
            values.put("aws.events.event.ingestion-time", event.path("time"));
            return fill(transformer.get("InputTemplate").asText(), values);
        }
        return event.toString();
    }

    static String fill(String template, Map<String, JsonNode> values) {
        StringBuilder out = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int copied = 0;
        while (placeholder.find()) {
            JsonNode value = values.get(placeholder.group(1));
            if (value == null) {
                continue; // not a variable: '<' and '>' are ordinary text then
            }
            out.append(template, copied, placeholder.start());
            boolean quoted = insideString(template, placeholder.start());
            if (value.isMissingNode()) {
                out.append(quoted ? "" : "null");
            } else if (quoted) {
                String text = value.isValueNode() ? value.asText() : value.toString();
                String json = Json.MAPPER.getNodeFactory().textNode(text).toString();
                out.append(json, 1, json.length() - 1);
            } else {
                out.append(value);
            }
            copied = placeholder.end();
        }
        return out.append(template.substring(copied)).toString();
    }

    /** Whether position {@code at} of the template lies inside a JSON string literal. */
    private static boolean insideString(String template, int at) {
        boolean inside = false;
        for (int i = 0; i < at; i++) {
            char c = template.charAt(i);
            if (c == '\\' && inside) {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }
}
