package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Executions put "Step Functions Execution Status Change" events on the default bus, as AWS does. */
class StatusChangeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void startAndEndOfAnExecutionAreEventsARuleCanRoute() throws Exception {
        SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
        SqsClient sqs = Clients.sqs(SharedTwin.endpoint());
        String queue = sqs.getQueueUrl(b -> b.queueName("sfn-test-status")).queueUrl();
        String arn = Machines.start(sfn, Machines.create(sfn, "status", ExecutionApiTest.ADD), "{\"a\":1,\"b\":2}");
        Machines.awaitEnd(sfn, arn);

        List<String> events = Queues.receive(sqs, queue, b -> b.contains(arn), 2, Duration.ofSeconds(10));
        JsonNode running = JSON.readTree(events.get(0));
        assertEquals("aws.states", running.path("source").asText());
        assertEquals("RUNNING", running.path("detail").path("status").asText());
        assertEquals(arn, running.path("resources").path(0).asText());
        JsonNode succeeded = JSON.readTree(events.get(1)).path("detail");
        assertEquals("SUCCEEDED", succeeded.path("status").asText());
        assertEquals("{\"sum\":3}", succeeded.path("output").asText());
        assertEquals("{\"a\":1,\"b\":2}", succeeded.path("input").asText());
        assertEquals(arn, succeeded.path("executionArn").asText());
    }
}
