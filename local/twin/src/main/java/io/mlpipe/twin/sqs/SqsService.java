package io.mlpipe.twin.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.AwsJsonService;
import io.mlpipe.protocol.Json;
import io.mlpipe.protocol.JsonOperation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQS's API in the AWS JSON 1.0 protocol ({@code X-Amz-Target: AmazonSQS.<Op>}), as the SDK v2 and CLI v2 send it. */
public final class SqsService {
    private SqsService() {
    }

    public static AwsJsonService create(SqsQueues queues) {
        AwsJsonService.Builder service = AwsJsonService.builder("AmazonSQS", "1.0");
        operations(queues).forEach(service::operation);
        return service.build();
    }

    /** The operations by name, shared by the JSON protocol and the query protocol older CLIs speak. */
    public static Map<String, JsonOperation> operations(SqsQueues queues) {
        return new Operations()
                .operation("CreateQueue", r -> Json.object().put("QueueUrl",
                        queues.create(r.path("QueueName").asText(null), r.get("Attributes"))))
                .operation("GetQueueUrl", r -> {
                    String name = r.path("QueueName").asText();
                    if (!queues.exists(name)) {
                        throw AwsError.client("QueueDoesNotExist", "The specified queue does not exist.");
                    }
                    return Json.object().put("QueueUrl", queues.url(name));
                })
                .operation("ListQueues", r -> {
                    ObjectNode answer = Json.object();
                    ArrayNode urls = answer.putArray("QueueUrls");
                    queues.names().stream().filter(n -> n.startsWith(r.path("QueueNamePrefix").asText("")))
                            .forEach(n -> urls.add(queues.url(n)));
                    return answer;
                })
                .operation("DeleteQueue", r -> {
                    queues.delete(SqsQueues.nameOf(r.path("QueueUrl").asText(null)));
                    return Json.object();
                })
                .operation("PurgeQueue", r -> {
                    queues.purge(SqsQueues.nameOf(r.path("QueueUrl").asText(null)));
                    return Json.object();
                })
                .operation("SendMessage", r -> {
                    ObjectNode message = queues.send(SqsQueues.nameOf(r.path("QueueUrl").asText(null)),
                            r.path("MessageBody").asText(null), r.get("MessageAttributes"), r.path("DelaySeconds").asInt(-1));
                    ObjectNode answer = Json.object().put("MessageId", message.get("MessageId").asText())
                            .put("MD5OfMessageBody", message.get("MD5OfBody").asText());
                    if (message.has("MD5OfMessageAttributes")) {
                        answer.put("MD5OfMessageAttributes", message.get("MD5OfMessageAttributes").asText());
                    }
                    return answer;
                })
                .operation("ReceiveMessage", r -> receive(queues, r))
                .operation("DeleteMessage", r -> {
                    queues.deleteMessage(SqsQueues.nameOf(r.path("QueueUrl").asText(null)), r.path("ReceiptHandle").asText());
                    return Json.object();
                })
                .operation("SetQueueAttributes", r -> {
                    queues.setAttributes(SqsQueues.nameOf(r.path("QueueUrl").asText(null)), r.get("Attributes"));
                    return Json.object();
                })
                .operation("GetQueueAttributes", r -> {
                    Map<String, String> all = queues.attributes(SqsQueues.nameOf(r.path("QueueUrl").asText(null)));
                    Set<String> wanted = new HashSet<>();
                    r.path("AttributeNames").forEach(n -> wanted.add(n.asText()));
                    ObjectNode attributes = Json.object();
                    all.forEach((name, value) -> {
                        if (wanted.contains("All") || wanted.contains(name)) {
                            attributes.put(name, value);
                        }
                    });
                    ObjectNode answer = Json.object();
                    answer.set("Attributes", attributes);
                    return answer;
                })
                .map;
    }

    /** Collects operations in order, like the protocol's builder. */
    private static final class Operations {
        final Map<String, JsonOperation> map = new java.util.LinkedHashMap<>();

        Operations operation(String name, JsonOperation operation) {
            map.put(name, operation);
            return this;
        }
    }

    private static JsonNode receive(SqsQueues queues, JsonNode r) {
        int max = r.path("MaxNumberOfMessages").asInt(1);
        if (max < 1 || max > 10) {
            throw AwsError.client("InvalidParameterValue", "Value " + max
                    + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }
        List<ObjectNode> received;
        try {
            received = queues.receive(SqsQueues.nameOf(r.path("QueueUrl").asText(null)), max,
                    r.path("VisibilityTimeout").asInt(-1), r.path("WaitTimeSeconds").asInt(0) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        boolean systemAttributes = r.path("AttributeNames").size() + r.path("MessageSystemAttributeNames").size() > 0;
        boolean messageAttributes = r.path("MessageAttributeNames").size() > 0;
        ObjectNode answer = Json.object();
        ArrayNode messages = answer.putArray("Messages");
        for (ObjectNode stored : received) {
            ObjectNode message = messages.addObject()
                    .put("MessageId", stored.get("MessageId").asText())
                    .put("ReceiptHandle", stored.get("ReceiptHandle").asText())
                    .put("MD5OfBody", stored.get("MD5OfBody").asText())
                    .put("Body", stored.get("Body").asText());
            if (systemAttributes) {
                message.putObject("Attributes")
                        .put("SentTimestamp", stored.get("SentTimestamp").asText())
                        .put("ApproximateReceiveCount", stored.get("ReceiveCount").asText())
                        .put("ApproximateFirstReceiveTimestamp", stored.path("FirstReceiveTimestamp").asText());
            }
            if (messageAttributes && stored.has("MessageAttributes")) {
                message.set("MessageAttributes", stored.get("MessageAttributes"));
                message.put("MD5OfMessageAttributes", stored.get("MD5OfMessageAttributes").asText());
            }
        }
        return answer;
    }
}
