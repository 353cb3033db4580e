package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** SNS (awsQuery protocol) keeps what is published to a topic as a readable log. */
class SnsMessageLogTest {
    private final Twin twin = SharedTwin.get();
    private final SnsClient sns = Clients.sns(twin.endpoint());

    @Test
    void publishedMessagesAreLogged() {
        String arn = sns.createTopic(c -> c.name("sns-log")).topicArn();
        assertEquals("arn:aws:sns:us-east-1:000000000000:sns-log", arn);
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().equals(arn)));
        String id = sns.publish(p -> p.topicArn(arn).subject("alarm").message("threshold crossed")).messageId();
        JsonNode logged = null;
        for (JsonNode message : twin.topics().messages()) {
            if (message.get("MessageId").asText().equals(id)) {
                logged = message;
            }
        }
        assertEquals("threshold crossed", logged.get("Message").asText());
        assertEquals("alarm", logged.get("Subject").asText());
    }

    @Test
    void templateTopicExistsAndUnknownTopicIsAnAwsError() {
        assertTrue(sns.listTopics().topics().stream().anyMatch(t -> t.topicArn().contains("AlarmTopic")));
        assertThrows(NotFoundException.class, () -> sns.publish(p -> p.topicArn("arn:aws:sns:us-east-1:000000000000:none").message("x")));
    }
}
