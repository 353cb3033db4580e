package io.mlpipe.twin.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.store.JsonFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SNS topics with no subscribers: every published message is appended to {@code messages.jsonl}, a log
 * to read back (alarms and the state machine publish; nobody in the twin consumes them).
 */
public final class SnsTopics {
    private final JsonFile topicsFile;
    private final Path log;
    private final Clock clock;
    private final String region;
    private final String account;
    private final List<String> topics = new ArrayList<>();

    public SnsTopics(Path directory, Clock clock, String region, String account) {
        this.topicsFile = new JsonFile(directory.resolve("topics.json"));
        this.log = directory.resolve("messages.jsonl");
        this.clock = clock;
        this.region = region;
        this.account = account;
        topicsFile.read().ifPresent(saved -> saved.forEach((JsonNode arn) -> topics.add(arn.asText())));
    }

    public synchronized String create(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw new AwsError(400, "InvalidParameter", "Invalid parameter: Topic Name");
        }
        String arn = "arn:aws:sns:" + region + ":" + account + ":" + name;
        if (!topics.contains(arn)) {
            topics.add(arn);
            topicsFile.write(topics);
        }
        return arn;
    }

    public synchronized List<String> list() {
        return List.copyOf(topics);
    }

    /** @return the message id */
    public synchronized String publish(String topicArn, String subject, String message) {
        if (!topics.contains(topicArn)) {
            throw new AwsError(404, "NotFound", "Topic does not exist");
        }
        if (message == null || message.isEmpty()) {
            throw new AwsError(400, "InvalidParameter", "Invalid parameter: Empty message");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode entry = Json.object().put("MessageId", id).put("TopicArn", topicArn)
                .put("Timestamp", clock.instant().toString()).put("Subject", subject).put("Message", message);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, entry + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** The published messages, oldest first. */
    public synchronized ArrayNode messages() {
        ArrayNode all = Json.MAPPER.createArrayNode();
        try {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        all.add(Json.MAPPER.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
