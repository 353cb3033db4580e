package io.mlpipe.workflow;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The synthesized state machine definition as JSON: the DefinitionString's Fn::Join with every
 * intrinsic (Ref, Fn::GetAtt, Fn::FindInMap) replaced by a readable marker such as
 * {@code <Ref AWS::Partition>}. Plus a JSONata evaluator for the definition's expressions.
 */
final class StateMachineDefinition {

    final JsonNode resource;
    final ObjectNode json;

    private StateMachineDefinition(JsonNode resource, ObjectNode json) {
        this.resource = resource;
        this.json = json;
    }

    static StateMachineDefinition of(JsonNode template) {
        for (JsonNode resource : iterable(template.get("Resources"))) {
            if ("AWS::StepFunctions::StateMachine".equals(resource.get("Type").asText())) {
                JsonNode parts = resource.get("Properties").get("DefinitionString").get("Fn::Join").get(1);
                StringBuilder text = new StringBuilder();
                for (JsonNode part : parts) {
                    text.append(part.isTextual() ? part.asText() : marker(part));
                }
                try {
                    return new StateMachineDefinition(resource, (ObjectNode) SynthesizedStack.JSON.readTree(text.toString()));
                } catch (Exception e) {
                    throw new AssertionError("definition is not JSON: " + text, e);
                }
            }
        }
        throw new AssertionError("no state machine in the template");
    }

    private static String marker(JsonNode intrinsic) {
        String name = intrinsic.fieldNames().next();
        JsonNode value = intrinsic.get(name);
        List<String> args = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> args.add(v.isTextual() ? v.asText() : marker(v)));
        } else {
            args.add(value.asText());
        }
        return "<" + name.replace("Fn::", "") + " " + String.join(" ", args) + ">";
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.elements().forEachRemaining(out::add);
        return out;
    }

    JsonNode states() {
        return json.get("States");
    }

    JsonNode state(String name) {
        JsonNode state = states().get(name);
        if (state == null) {
            throw new AssertionError("no state " + name);
        }
        return state;
    }

    /** The JSONata inside "{% ... %}". */
    static String expression(JsonNode value) {
        String text = value.asText();
        if (!text.startsWith("{%") || !text.endsWith("%}")) {
            throw new AssertionError("not a JSONata expression: " + text);
        }
        return text.substring(2, text.length() - 2).trim();
    }

    /**
     * Evaluates a JSONata expression of the definition with dashjoin JSONata (the implementation the
     * twin's engine uses), with {@code $states} and variables bound, and Step Functions' $hash.
     */
    static Object evaluate(JsonNode value, Map<String, Object> states, Map<String, Object> variables) {
        Jsonata expression = Jsonata.jsonata(expression(value));
        Jsonata.Frame frame = expression.createFrame();
        frame.bind("states", states);
        variables.forEach(frame::bind);
        frame.bind("hash", Jsonata.function("hash", (Jsonata.FnVarArgs<Object>) args -> sha256((String) args.get(0)), null));
        return expression.evaluate(states.get("input"), frame);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
