package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A .waitForTaskToken task sends its token through SQS; the test plays the worker that answers. */
class CallbackTaskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
    private final SqsClient sqs = Clients.sqs(SharedTwin.endpoint());

    static String askThroughQueue(String queueUrl) {
        return "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Parameters\":{\"QueueUrl\":\"" + queueUrl
                + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\",\"question.$\":\"$.question\"}},\"End\":true}}}";
    }

    private String queue() {
        return sqs.createQueue(b -> b.queueName(Machines.unique("callbacks"))).queueUrl();
    }

    private static String token(String body) {
        try {
            return JSON.readTree(body).path("token").asText();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    @Test
    void sendTaskSuccessCompletesTheTaskWithTheOutputAndClosesTheToken() throws Exception {
        String queue = queue();
        String arn = Machines.start(sfn, Machines.create(sfn, "callback", askThroughQueue(queue)), "{\"question\":\"six times seven\"}");
        String body = Queues.receive(sqs, queue, b -> b.contains("six times seven"), Duration.ofSeconds(10));
        String token = token(body);

        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        assertThrows(InvalidOutputException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{oops")));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\":42}"));

        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn);
        assertEquals(ExecutionStatus.SUCCEEDED, d.status());
        JsonNode output = JSON.readTree(d.output());
        assertEquals(42, output.path("answer").asInt());

        assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
        assertThrows(TaskTimedOutException.class, () -> sfn.sendTaskHeartbeat(b -> b.taskToken(token)));
    }

    @Test
    void sendTaskFailureFailsTheTaskWithTheErrorAndCause() {
        String queue = queue();
        String arn = Machines.start(sfn, Machines.create(sfn, "callback-fail", askThroughQueue(queue)), "{\"question\":\"approve?\"}");
        String token = token(Queues.receive(sqs, queue, b -> b.contains("approve?"), Duration.ofSeconds(10)));

        sfn.sendTaskFailure(b -> b.taskToken(token).error("Human.Rejected").cause("not this one"));

        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn);
        assertEquals(ExecutionStatus.FAILED, d.status());
        assertEquals("Human.Rejected", d.error());
        assertEquals("not this one", d.cause());
    }

    @Test
    void aTokenTheTwinNeverIssuedIsInvalidToken() {
        assertThrows(InvalidTokenException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken("made-up").output("{}")));
        assertThrows(InvalidTokenException.class, () -> sfn.sendTaskFailure(b -> b.taskToken("made-up")));
        assertThrows(InvalidTokenException.class, () -> sfn.sendTaskHeartbeat(b -> b.taskToken("made-up")));
    }
}
