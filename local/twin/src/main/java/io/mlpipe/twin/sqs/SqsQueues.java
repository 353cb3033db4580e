package io.mlpipe.twin.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.store.JsonFile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The twin's SQS queues and their messages, persisted as one JSON document after every change (the
 * queues are dead-letter queues and small inboxes, not a message broker). Messages keep SQS's
 * visibility timeout and receive count.
 */
public final class SqsQueues {
    private final JsonFile file;
    private final Clock clock;
    private final String endpoint;
    private final String region;
    private final String account;
    /** queue name -> {"attributes": {...}, "messages": [...]} */
    private final Map<String, ObjectNode> queues = new LinkedHashMap<>();

    public SqsQueues(JsonFile file, Clock clock, String endpoint, String region, String account) {
        this.file = file;
        this.clock = clock;
        this.endpoint = endpoint;
        this.region = region;
        this.account = account;
        file.read().ifPresent(saved -> saved.fields().forEachRemaining(e -> queues.put(e.getKey(), (ObjectNode) e.getValue())));
    }

    public String url(String name) {
        return endpoint + "/" + account + "/" + name;
    }

    public String arn(String name) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /** The queue name in a queue URL or ARN. */
    public static String nameOf(String urlOrArn) {
        if (urlOrArn == null || urlOrArn.isBlank()) {
            throw AwsError.client("MissingParameter", "The request must contain the parameter QueueUrl.");
        }
        String[] parts = urlOrArn.split(urlOrArn.startsWith("arn:") ? ":" : "/");
        return parts[parts.length - 1];
    }

    public synchronized String create(String name, JsonNode attributes) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,80}(\\.fifo)?")) {
            throw AwsError.client("InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or"
                    + " underscores. 1 to 80 in length");
        }
        ObjectNode queue = queues.get(name);
        if (queue == null) {
            queue = Json.object();
            ObjectNode saved = queue.putObject("attributes");
            if (attributes != null) {
                saved.setAll((ObjectNode) attributes);
            }
            saved.put("CreatedTimestamp", String.valueOf(clock.millis() / 1000));
            queue.putArray("messages");
            queues.put(name, queue);
            save();
        }
        return url(name);
    }

    public synchronized boolean exists(String name) {
        return queues.containsKey(name);
    }

    public synchronized List<String> names() {
        return new ArrayList<>(queues.keySet());
    }

    public synchronized void delete(String name) {
        queue(name);
        queues.remove(name);
        save();
    }

    /** SetQueueAttributes: the given attributes replace the saved ones of the same names. */
    public synchronized void setAttributes(String name, JsonNode attributes) {
        ObjectNode queue = queue(name);
        if (attributes != null && attributes.isObject()) {
            ((ObjectNode) queue.get("attributes")).setAll((ObjectNode) attributes);
            save();
        }
    }

    public synchronized void purge(String name) {
        queue(name).putArray("messages");
        save();
    }

    /** @return the new message's id */
    public synchronized ObjectNode send(String name, String body, JsonNode messageAttributes, int delaySeconds) {
        if (body == null || body.isEmpty()) {
            throw AwsError.client("MissingParameter", "The request must contain the parameter MessageBody.");
        }
        ObjectNode queue = queue(name);
        long now = clock.millis();
        int delay = delaySeconds >= 0 ? delaySeconds : queue.path("attributes").path("DelaySeconds").asInt(0);
        ObjectNode message = Json.object()
                .put("MessageId", UUID.randomUUID().toString())
                .put("Body", body)
                .put("MD5OfBody", Md5.ofText(body))
                .put("SentTimestamp", now)
                .put("VisibleAt", now + delay * 1000L)
                .put("ReceiveCount", 0);
        if (messageAttributes != null && !messageAttributes.isEmpty()) {
            message.set("MessageAttributes", messageAttributes);
            message.put("MD5OfMessageAttributes", Md5.ofAttributes(messageAttributes));
        }
        ((ArrayNode) queue.get("messages")).add(message);
        save();
        notifyAll();
        return message;
    }

    /** Receives up to {@code max} visible messages, waiting up to {@code waitMillis} for the first. */
    public synchronized List<ObjectNode> receive(String name, int max, int visibilitySeconds, long waitMillis)
            throws InterruptedException {
        long deadline = clock.millis() + waitMillis;
        List<ObjectNode> received = take(name, max, visibilitySeconds);
        while (received.isEmpty() && clock.millis() < deadline) {
            wait(Math.max(1, Math.min(200, deadline - clock.millis())));
            received = take(name, max, visibilitySeconds);
        }
        if (!received.isEmpty()) {
            save();
        }
        return received;
    }

    private List<ObjectNode> take(String name, int max, int visibilitySeconds) {
        ObjectNode queue = queue(name);
        int visibility = visibilitySeconds >= 0 ? visibilitySeconds
                : queue.path("attributes").path("VisibilityTimeout").asInt(30);
        long now = clock.millis();
        List<ObjectNode> received = new ArrayList<>();
        for (JsonNode node : queue.get("messages")) {
            if (received.size() >= max) {
                break;
            }
            ObjectNode message = (ObjectNode) node;
            if (message.path("VisibleAt").asLong() <= now) {
                message.put("VisibleAt", now + visibility * 1000L);
                message.put("ReceiveCount", message.path("ReceiveCount").asInt() + 1);
                message.put("ReceiptHandle", UUID.randomUUID().toString());
                if (!message.has("FirstReceiveTimestamp")) {
                    message.put("FirstReceiveTimestamp", now);
                }
                received.add(message.deepCopy());
            }
        }
        return received;
    }

    public synchronized void deleteMessage(String name, String receiptHandle) {
        Iterator<JsonNode> messages = queue(name).get("messages").iterator();
        while (messages.hasNext()) {
            if (messages.next().path("ReceiptHandle").asText("").equals(receiptHandle)) {
                messages.remove();
                save();
                return;
            }
        }
        throw AwsError.client("ReceiptHandleIsInvalid", "The input receipt handle \"" + receiptHandle + "\" is not a valid receipt handle.");
    }

    /** The queue's attributes as GetQueueAttributes answers them (all string values). */
    public synchronized Map<String, String> attributes(String name) {
        ObjectNode queue = queue(name);
        long now = clock.millis();
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (JsonNode message : queue.get("messages")) {
            if (message.path("VisibleAt").asLong() <= now) {
                visible++;
            } else if (message.path("ReceiveCount").asInt() > 0) {
                inFlight++;
            } else {
                delayed++;
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("QueueArn", arn(name));
        attributes.put("ApproximateNumberOfMessages", String.valueOf(visible));
        attributes.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(inFlight));
        attributes.put("ApproximateNumberOfMessagesDelayed", String.valueOf(delayed));
        attributes.putIfAbsent("VisibilityTimeout", "30");
        attributes.putIfAbsent("DelaySeconds", "0");
        attributes.putIfAbsent("MessageRetentionPeriod", "345600");
        attributes.putIfAbsent("MaximumMessageSize", "262144");
        queue.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        attributes.putIfAbsent("LastModifiedTimestamp", attributes.get("CreatedTimestamp"));
        return attributes;
    }

    private ObjectNode queue(String name) {
        ObjectNode queue = queues.get(name);
        if (queue == null) {
            throw AwsError.client("QueueDoesNotExist", "The specified queue does not exist.");
        }
        return queue;
    }

    private void save() {
        file.write(queues);
    }
}
