package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** {@code sns:publish}: SNS speaks the awsQuery protocol (a form in, XML out), routed by its SigV4 scope. */
final class SnsTasks {
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>(.*?)</MessageId>");

    private final EdgeClient edge;

    SnsTasks(EdgeClient edge) {
        this.edge = edge;
    }

    JsonNode publish(JsonNode parameters) {
        ObjectNode p = JsonServiceTasks.textField(parameters, "Message");
        StringBuilder form = new StringBuilder("Action=Publish&Version=2010-03-31");
        for (String field : new String[] {"TopicArn", "TargetArn", "PhoneNumber", "Message", "Subject", "MessageStructure",
                "MessageGroupId", "MessageDeduplicationId"}) {
            if (p.hasNonNull(field)) {
                form.append('&').append(field).append('=').append(URLEncoder.encode(p.get(field).asText(), StandardCharsets.UTF_8));
            }
        }
        String xml;
        try {
            xml = edge.query("sns", form.toString());
        } catch (ServiceCallError e) {
            throw TaskErrors.optimized("Sns", e);
        }
        return Json.object().put("MessageId", EdgeClient.first(MESSAGE_ID, xml, ""));
    }
}
