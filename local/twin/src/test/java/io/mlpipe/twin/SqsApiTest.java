package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** SQS through the SDK v2 (JSON protocol, MD5 checks on), as a dead-letter queue's reader uses it. */
class SqsApiTest {
    private final SqsClient sqs = Clients.sqs(SharedTwin.endpoint());

    @Test
    void sendReceiveDeleteAndCount() {
        String url = sqs.createQueue(c -> c.queueName("sqs-api")).queueUrl();
        assertEquals(url, sqs.getQueueUrl(g -> g.queueName("sqs-api")).queueUrl());
        sqs.sendMessage(s -> s.queueUrl(url).messageBody("one")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
        sqs.sendMessage(s -> s.queueUrl(url).messageBody("two ü"));
        assertEquals("2", count(url));

        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All").visibilityTimeout(30)).messages();
        assertEquals(2, received.size());
        assertEquals("test", received.get(0).messageAttributes().get("kind").stringValue());
        assertEquals("0", count(url)); // in flight now
        received.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle())));
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty());
    }

    @Test
    void setQueueAttributesKeepsAPolicyForGetQueueAttributes() {
        String url = sqs.createQueue(r -> r.queueName("with-policy")).queueUrl();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        assertEquals(policy, sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
                .attributes().get(QueueAttributeName.POLICY));
    }

    @Test
    void unknownQueueIsAnAwsError() {
        assertThrows(QueueDoesNotExistException.class, () -> sqs.getQueueUrl(g -> g.queueName("no-such-queue")));
    }

    private String count(String url) {
        return sqs.getQueueAttributes(g -> g.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }
}
