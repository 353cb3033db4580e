package io.mlpipe.twin.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import io.mlpipe.protocol.JsonOperation;
import io.mlpipe.twin.edge.AwsRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQS in the awsQuery protocol (form-encoded {@code Action=...}, XML answers) that AWS CLIs before 2023,
 * such as Debian's 2.9, still send: the form becomes the JSON request of the same operation and the
 * JSON answer becomes SQS's XML.
 */
public final class SqsQueryService implements HttpHandler {
    private static final String XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final Pattern INDEXED = Pattern.compile("(Attribute|MessageAttribute)\\.(\\d+)\\.(Name|Value(?:\\.(\\w+))?)");
    private static final Pattern LISTED = Pattern.compile("(AttributeName|MessageAttributeName|MessageSystemAttributeName)\\.\\d+");

    private final Map<String, JsonOperation> operations;

    public SqsQueryService(SqsQueues queues) {
        this.operations = SqsService.operations(queues);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = AwsRequests.query(new String(HttpExchanges.body(exchange), StandardCharsets.UTF_8));
        form.putAll(AwsRequests.query(exchange.getRequestURI().getRawQuery()));
        String action = form.getOrDefault("Action", "");
        try {
            JsonOperation operation = operations.get(action);
            if (operation == null) {
                throw new AwsError(400, "InvalidAction", "The action " + action + " is not valid for this endpoint.");
            }
            JsonNode answer = operation.handle(request(form));
            HttpExchanges.sendText(exchange, 200, "text/xml", "<" + action + "Response xmlns=\"" + XMLNS + "\"><"
                    + action + "Result>" + xml(answer) + "</" + action + "Result>" + metadata() + "</" + action + "Response>");
        } catch (AwsError e) {
            String code = "QueueDoesNotExist".equals(e.code()) ? "AWS.SimpleQueueService.NonExistentQueue" : e.code();
            HttpExchanges.sendText(exchange, e.status(), "text/xml", "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>"
                    + code + "</Code><Message>" + escape(e.getMessage()) + "</Message><Detail/></Error><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        }
    }

    /** {@code Attribute.1.Name=X&Attribute.1.Value=Y} -> {@code Attributes: {X: Y}}; {@code AttributeName.1=X} -> list. */
    static ObjectNode request(Map<String, String> form) {
        ObjectNode request = Json.object();
        Map<String, ObjectNode> entries = new java.util.TreeMap<>();
        form.forEach((name, value) -> {
            Matcher indexed = INDEXED.matcher(name);
            if (indexed.matches()) {
                ObjectNode entry = entries.computeIfAbsent(indexed.group(1) + "." + indexed.group(2), k -> Json.object());
                entry.put(indexed.group(4) != null ? indexed.group(4) : indexed.group(3), value);
            } else if (LISTED.matcher(name).matches()) {
                request.withArray(name.substring(0, name.indexOf('.')) + "s").add(value);
            } else if (!name.equals("Action") && !name.equals("Version")) {
                request.put(name, value);
            }
        });
        entries.forEach((key, entry) -> {
            if (key.startsWith("MessageAttribute.")) {
                ObjectNode value = request.with("MessageAttributes").putObject(entry.path("Name").asText());
                entry.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("Name")) {
                        value.set(f.getKey(), f.getValue());
                    }
                });
            } else {
                request.with("Attributes").put(entry.path("Name").asText(), entry.path("Value").asText());
            }
        });
        // numbers arrive as text in a form; the operations read them with asInt(), which parses text too
        return request;
    }

    /** The JSON answer in SQS's XML: lists flattened under singular names, maps as Name/Value pairs. */
    private static String xml(JsonNode answer) {
        StringBuilder out = new StringBuilder();
        answer.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "QueueUrls" -> value.forEach(url -> element(out, "QueueUrl", url.asText()));
                case "Messages" -> value.forEach(message -> out.append("<Message>").append(xml(message)).append("</Message>"));
                case "Attributes" -> value.fields().forEachRemaining(a -> out.append("<Attribute>")
                        .append(tag("Name", a.getKey())).append(tag("Value", a.getValue().asText())).append("</Attribute>"));
                case "MessageAttributes" -> value.fields().forEachRemaining(a -> {
                    out.append("<MessageAttribute>").append(tag("Name", a.getKey())).append("<Value>");
                    a.getValue().fields().forEachRemaining(v -> element(out, v.getKey(), v.getValue().asText()));
                    out.append("</Value></MessageAttribute>");
                });
                default -> element(out, name, value.asText());
            }
        });
        return out.toString();
    }

    private static void element(StringBuilder out, String name, String text) {
        out.append(tag(name, text));
    }

    private static String tag(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
