package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The template's trigger end to end: an upload into the EventBridge-enabled bucket becomes S3's
 * "Object Created" event, the template's rule matches it, its SQS target gets the transformed input and
 * its state machine target (no Step Functions service in this module) fails into the dead-letter queue.
 */
class ObjectCreatedEventReachesRuleTargetsTest {
    private final Twin twin = SharedTwin.get();
    private final S3Client s3 = Clients.s3(twin.endpoint());
    private final SqsClient sqs = Clients.sqs(twin.endpoint());

    @Test
    void uploadIsDeliveredThroughTheTemplateRule() throws Exception {
        String bucket = twin.info().bucket();
        String inbox = sqs.getQueueUrl(q -> q.queueName("pipeline-inbox")).queueUrl();
        String dlq = twin.queues().url(deadLetterQueueName());

        s3.putObject(p -> p.bucket(bucket).key("incoming/churn/2026-11-26.csv"), RequestBody.fromString("a,target\n1,0\n"));
        s3.putObject(p -> p.bucket(bucket).key("other/ignored.txt"), RequestBody.fromString("not matched"));

        JsonNode transformed = Json.MAPPER.readTree(receiveOne(inbox).body());
        assertEquals(bucket, transformed.get("bucket").asText());
        assertEquals("incoming/churn/2026-11-26.csv", transformed.get("key").asText());
        assertEquals(13, transformed.get("size").asInt());
        assertEquals("object incoming/churn/2026-11-26.csv in " + bucket, transformed.get("text").asText());

        Message dead = receiveOne(dlq);
        JsonNode event = Json.MAPPER.readTree(dead.body());
        assertEquals("0", event.get("version").asText());
        assertEquals("Object Created", event.get("detail-type").asText());
        assertEquals("aws.s3", event.get("source").asText());
        assertEquals("000000000000", event.get("account").asText());
        assertEquals("us-east-1", event.get("region").asText());
        assertEquals("arn:aws:s3:::" + bucket, event.get("resources").get(0).asText());
        JsonNode detail = event.get("detail");
        assertEquals(bucket, detail.at("/bucket/name").asText());
        assertEquals("incoming/churn/2026-11-26.csv", detail.at("/object/key").asText());
        assertEquals(13, detail.at("/object/size").asInt());
        assertTrue(detail.at("/object/etag").asText().matches("[0-9a-f]{32}"), detail.toString());
        assertTrue(detail.at("/object/sequencer").asText().matches("[0-9A-F]{18}"), detail.toString());
        assertEquals("PutObject", detail.get("reason").asText());
        assertEquals("000000000000", detail.get("requester").asText());
        assertFalse(detail.get("request-id").asText().isEmpty());
        assertEquals("ServiceUnavailable", dead.messageAttributes().get("ERROR_CODE").stringValue());
        assertTrue(dead.messageAttributes().get("TARGET_ARN").stringValue().startsWith("arn:aws:states:us-east-1:000000000000:stateMachine:"));

        // only the matching object produced a message
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(inbox).waitTimeSeconds(1)).messages().isEmpty());
    }

    @Test
    void copyAndMultipartUploadAreObjectCreationsToo() throws Exception {
        String bucket = twin.info().bucket();
        String inbox = sqs.getQueueUrl(q -> q.queueName("pipeline-inbox")).queueUrl();
        s3.putObject(p -> p.bucket(bucket).key("staging/x.csv"), RequestBody.fromString("x\n"));
        s3.copyObject(c -> c.sourceBucket(bucket).sourceKey("staging/x.csv").destinationBucket(bucket)
                .destinationKey("incoming/copied/x.csv"));
        assertEquals("incoming/copied/x.csv", Json.MAPPER.readTree(receiveOne(inbox).body()).get("key").asText());

        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("incoming/parts/y.csv")).uploadId();
        String etag = s3.uploadPart(u -> u.bucket(bucket).key("incoming/parts/y.csv").uploadId(upload).partNumber(1),
                RequestBody.fromString("y\n")).eTag();
        s3.completeMultipartUpload(c -> c.bucket(bucket).key("incoming/parts/y.csv").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertEquals("incoming/parts/y.csv", Json.MAPPER.readTree(receiveOne(inbox).body()).get("key").asText());

        Set<String> reasons = new HashSet<>();
        String dlq = twin.queues().url(deadLetterQueueName());
        Poll.until(() -> {
            sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)).messages().forEach(m -> {
                reasons.add(json(m.body()).at("/detail/reason").asText());
                sqs.deleteMessage(d -> d.queueUrl(dlq).receiptHandle(m.receiptHandle()));
            });
            return reasons.containsAll(Set.of("CopyObject", "CompleteMultipartUpload")) ? Optional.of(true) : Optional.empty();
        }, Duration.ofSeconds(15), "the copy and multipart events in the dead-letter queue");
    }

    @Test
    void notificationsSwitchedOnThroughTheS3ApiEmitToo() throws Exception {
        s3.createBucket(b -> b.bucket("user-notified"));
        assertNull(s3.getBucketNotificationConfiguration(g -> g.bucket("user-notified")).eventBridgeConfiguration());
        s3.putBucketNotificationConfiguration(p -> p.bucket("user-notified")
                .notificationConfiguration(n -> n.eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
        assertNotNull(s3.getBucketNotificationConfiguration(g -> g.bucket("user-notified")).eventBridgeConfiguration());

        String queueUrl = sqs.createQueue(c -> c.queueName("user-notified-events")).queueUrl();
        EventBridgeClient events = Clients.events(twin.endpoint());
        events.putRule(r -> r.name("user-notified").eventPattern(
                "{\"source\":[\"aws.s3\"],\"detail\":{\"bucket\":{\"name\":[\"user-notified\"]}}}"));
        events.putTargets(t -> t.rule("user-notified").targets(Target.builder().id("q")
                .arn(twin.queues().arn("user-notified-events")).inputPath("$.detail.object").build()));
        s3.putObject(p -> p.bucket("user-notified").key("a b.txt"), RequestBody.fromString("abc"));
        JsonNode object = Json.MAPPER.readTree(receiveOne(queueUrl).body());
        assertEquals("a b.txt", object.get("key").asText());
        assertEquals(3, object.get("size").asInt());
    }

    private String deadLetterQueueName() {
        return twin.queues().names().stream().filter(n -> n.contains("DeadLetterQueue")).findFirst().orElseThrow();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Message receiveOne(String queueUrl) {
        Message message = Poll.until(() -> sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                        .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages().stream().findFirst(), Duration.ofSeconds(15), "a message on " + queueUrl);
        sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        return message;
    }
}
