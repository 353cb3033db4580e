package io.mlpipe.twin.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions CDK emits to plain JSON with local names and ARNs: Ref, Fn::GetAtt,
 * Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::If / Fn::Equals / Fn::And / Fn::Or / Fn::Not with the
 * template's Conditions, Fn::FindInMap, Fn::GetAZs, Fn::Base64 and the pseudo parameters.
 * {@code Ref AWS::NoValue} removes the property (or list element) it stands in.
 */
public final class IntrinsicResolver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode template;
    private final ResourceAttributes attributes;
    private final Map<String, JsonNode> pseudo = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    public IntrinsicResolver(JsonNode template, ResourceAttributes attributes) {
        this.template = template;
        this.attributes = attributes;
        attributes.attach(this);
        pseudo.put("AWS::Region", NODES.textNode(attributes.region()));
        pseudo.put("AWS::AccountId", NODES.textNode(attributes.account()));
        pseudo.put("AWS::Partition", NODES.textNode("aws"));
        pseudo.put("AWS::URLSuffix", NODES.textNode("amazonaws.com"));
        pseudo.put("AWS::StackName", NODES.textNode(attributes.stackName()));
        pseudo.put("AWS::StackId", NODES.textNode(attributes.stackId()));
        pseudo.put("AWS::NotificationARNs", NODES.arrayNode());
    }

    /** The value with every intrinsic replaced; MissingNode when it is {@code Ref AWS::NoValue}. */
    public JsonNode resolve(JsonNode node) {
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(element -> {
                JsonNode value = resolve(element);
                if (!value.isMissingNode()) {
                    out.add(value);
                }
            });
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::GetAtt":
                    return getAtt(argument);
                case "Fn::Join":
                    return join(argument);
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Select":
                    return select(argument);
                case "Fn::Split":
                    return split(argument);
                case "Fn::If":
                    return resolve(condition(argument.get(0).asText()) ? argument.get(1) : argument.get(2));
                case "Fn::Equals":
                case "Fn::And":
                case "Fn::Or":
                case "Fn::Not":
                case "Condition":
                    return NODES.booleanNode(bool(node));
                case "Fn::FindInMap":
                    return findInMap(argument);
                case "Fn::GetAZs":
                    ArrayNode zones = NODES.arrayNode();
                    for (String zone : new String[] {"a", "b", "c"}) {
                        zones.add(attributes.region() + zone);
                    }
                    return zones;
                case "Fn::Base64":
                    return NODES.textNode(java.util.Base64.getEncoder().encodeToString(
                            text(resolve(argument)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                case "Fn::ImportValue":
                case "Fn::Transform":
                case "Fn::Cidr":
                    throw new TemplateException(function + " is not supported by the twin (cross-stack or macro): " + node);
                default:
                    break;
            }
        }
        ObjectNode out = NODES.objectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = resolve(field.getValue());
            if (!value.isMissingNode()) {
                out.set(field.getKey(), value);
            }
        });
        return out;
    }

    /** Resolves and requires a string. */
    public String text(JsonNode node) {
        JsonNode value = node.isValueNode() ? node : resolve(node);
        if (!value.isValueNode()) {
            throw new TemplateException("expected a string, got " + value);
        }
        return value.asText();
    }

    public JsonNode ref(String name) {
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if ("AWS::NoValue".equals(name)) {
            return MissingNode.getInstance();
        }
        JsonNode parameter = template.path("Parameters").get(name);
        if (parameter != null) {
            return parameterValue(name, parameter);
        }
        if (template.path("Resources").has(name)) {
            return NODES.textNode(attributes.ref(name));
        }
        throw new TemplateException("Ref to unknown parameter or resource: " + name);
    }

    /** The twin has no SSM parameter store and no deploy-time parameters: a parameter takes its Default. */
    private static JsonNode parameterValue(String name, JsonNode parameter) {
        JsonNode value = parameter.get("Default");
        if (value == null) {
            throw new TemplateException("parameter " + name + " has no Default, and the twin takes no parameters");
        }
        String type = parameter.path("Type").asText();
        if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
            ArrayNode list = NODES.arrayNode();
            for (String item : value.asText().split(",")) {
                list.add(item.trim());
            }
            return list;
        }
        return NODES.textNode(value.asText());
    }

    private JsonNode getAtt(JsonNode argument) {
        String resource;
        String attribute;
        if (argument.isTextual()) {
            String[] parts = argument.asText().split("\\.", 2);
            resource = parts[0];
            attribute = parts.length > 1 ? parts[1] : "";
        } else {
            resource = argument.get(0).asText();
            attribute = text(argument.get(1));
        }
        if (!template.path("Resources").has(resource)) {
            throw new TemplateException("Fn::GetAtt of unknown resource: " + resource);
        }
        return NODES.textNode(attributes.getAtt(resource, attribute));
    }

    private JsonNode join(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        JsonNode values = resolve(argument.get(1));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(text(values.get(i)));
        }
        return NODES.textNode(out.toString());
    }

    private JsonNode sub(JsonNode argument) {
        String text = argument.isArray() ? argument.get(0).asText() : argument.asText();
        Map<String, JsonNode> variables = new HashMap<>();
        if (argument.isArray() && argument.size() > 1) {
            argument.get(1).fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        }
        Matcher variable = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1).trim();
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                value = text(resolve(variables.get(name)));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                value = text(getAtt(NODES.textNode(name)));
            } else {
                value = text(ref(name));
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return NODES.textNode(out.toString());
    }

    private JsonNode select(JsonNode argument) {
        int index = Integer.parseInt(text(argument.get(0)));
        JsonNode list = resolve(argument.get(1));
        if (index < 0 || index >= list.size()) {
            throw new TemplateException("Fn::Select index " + index + " out of range of " + list);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        ArrayNode out = NODES.arrayNode();
        for (String part : text(argument.get(1)).split(Pattern.quote(delimiter), -1)) {
            out.add(part);
        }
        return out;
    }

    private JsonNode findInMap(JsonNode argument) {
        String map = text(argument.get(0));
        String top = text(argument.get(1));
        String second = text(argument.get(2));
        JsonNode value = template.path("Mappings").path(map).path(top).path(second);
        if (value.isMissingNode()) {
            throw new TemplateException("Fn::FindInMap: no " + map + "/" + top + "/" + second + " in Mappings");
        }
        return value;
    }

    /** Whether the named condition of the template's Conditions section holds. */
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = template.path("Conditions").get(name);
        if (definition == null) {
            throw new TemplateException("unknown condition " + name);
        }
        if (!evaluating.add(name)) {
            throw new TemplateException("condition " + name + " refers to itself");
        }
        boolean value = bool(definition);
        evaluating.remove(name);
        conditions.put(name, value);
        return value;
    }

    private boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual()) {
            return Boolean.parseBoolean(node.asText());
        }
        String function = node.fieldNames().next();
        JsonNode argument = node.get(function);
        switch (function) {
            case "Condition":
                return condition(argument.asText());
            case "Fn::Equals": {
                JsonNode left = resolve(argument.get(0));
                JsonNode right = resolve(argument.get(1));
                return left.isValueNode() && right.isValueNode() ? left.asText().equals(right.asText()) : left.equals(right);
            }
            case "Fn::Not":
                return !bool(argument.get(0));
            case "Fn::And": {
                boolean all = true;
                for (Iterator<JsonNode> it = argument.elements(); it.hasNext(); ) {
                    all &= bool(it.next());
                }
                return all;
            }
            case "Fn::Or": {
                boolean any = false;
                for (Iterator<JsonNode> it = argument.elements(); it.hasNext(); ) {
                    any |= bool(it.next());
                }
                return any;
            }
            default:
                JsonNode value = resolve(node);
                if (value.isBoolean() || value.isTextual()) {
                    return bool(value);
                }
                throw new TemplateException("not a condition: " + node);
        }
    }

    /** Whether a resource exists in this deployment (no Condition, or its Condition holds). */
    public boolean exists(String logicalId) {
        JsonNode condition = template.path("Resources").path(logicalId).get("Condition");
        return condition == null || condition(condition.asText());
    }

    static TextNode textNode(String text) {
        return NODES.textNode(text);
    }
}
