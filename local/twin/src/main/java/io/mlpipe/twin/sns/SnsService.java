package io.mlpipe.twin.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.twin.edge.AwsRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * SNS's API in the awsQuery protocol it still speaks (form-encoded {@code Action=...}, XML answers):
 * CreateTopic, ListTopics, Publish.
 */
public final class SnsService implements HttpHandler {
    private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final SnsTopics topics;

    public SnsService(SnsTopics topics) {
        this.topics = topics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = AwsRequests.query(new String(HttpExchanges.body(exchange), StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        try {
            String result = switch (action) {
                case "CreateTopic" -> "<TopicArn>" + xml(topics.create(form.get("Name"))) + "</TopicArn>";
                case "ListTopics" -> {
                    StringBuilder members = new StringBuilder("<Topics>");
                    topics.list().forEach(arn -> members.append("<member><TopicArn>").append(xml(arn)).append("</TopicArn></member>"));
                    yield members.append("</Topics>").toString();
                }
                case "Publish" -> "<MessageId>" + topics.publish(form.get("TopicArn"), form.get("Subject"),
                        form.get("Message")) + "</MessageId>";
                default -> throw new AwsError(400, "InvalidAction", "The action " + action + " is not valid for this endpoint.");
            };
            HttpExchanges.sendText(exchange, 200, "text/xml", "<" + action + "Response xmlns=\"" + XMLNS + "\"><"
                    + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>");
        } catch (AwsError e) {
            HttpExchanges.sendText(exchange, e.status(), "text/xml", "<ErrorResponse xmlns=\"" + XMLNS
                    + "\"><Error><Type>Sender</Type><Code>" + e.code() + "</Code><Message>" + xml(e.getMessage())
                    + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
