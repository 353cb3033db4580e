package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stop the twin and start it on the same data directory: objects, items, queued messages and names are all there. */
class RestartKeepsStateTest {

    @Test
    void objectsItemsMessagesAndNamesSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-");
        TwinInfo before;
        String queueUrl;
        try (Twin twin = SharedTwin.start(data)) {
            before = twin.info();
            Clients.s3(twin.endpoint()).putObject(p -> p.bucket(before.bucket()).key("kept.txt"), RequestBody.fromString("kept"));
            Clients.dynamoDb(twin.endpoint()).putItem(p -> p.tableName(before.tables().get("RunsTable1A2B3C4D"))
                    .item(Map.of("runId", AttributeValue.fromS("r-kept"))));
            var sqs = Clients.sqs(twin.endpoint());
            queueUrl = sqs.createQueue(c -> c.queueName("kept-queue")).queueUrl();
            sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody("kept message"));
            Clients.events(twin.endpoint()).putRule(r -> r.name("kept-rule").eventPattern("{\"source\":[\"x\"]}"));
        }
        try (Twin twin = SharedTwin.start(data)) {
            TwinInfo after = twin.info();
            assertEquals(before.bucket(), after.bucket());
            assertEquals(before.tables(), after.tables());
            assertEquals(before.stateMachineArn(), after.stateMachineArn());
            assertEquals("kept", Clients.s3(twin.endpoint()).getObjectAsBytes(g -> g.bucket(after.bucket()).key("kept.txt")).asUtf8String());
            assertEquals("r-kept", Clients.dynamoDb(twin.endpoint()).getItem(g -> g.tableName(after.tables().get("RunsTable1A2B3C4D"))
                    .key(Map.of("runId", AttributeValue.fromS("r-kept")))).item().get("runId").s());
            var sqs = Clients.sqs(twin.endpoint());
            String url = sqs.getQueueUrl(g -> g.queueName("kept-queue")).queueUrl();
            assertEquals("kept message", sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0).body());
            assertEquals("kept-rule", Clients.events(twin.endpoint()).describeRule(d -> d.name("kept-rule")).name());
        }
    }
}
