package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The template's chain: an upload to the EventBridge-enabled bucket starts the state machine through the real rule. */
class S3UploadStartsExecutionTest {
    private static final String PIPELINE = "arn:aws:states:us-east-1:000000000000:stateMachine:sfn-test-pipeline";

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());

    @Test
    void theTemplatesStateMachineIsCreatedWithItsResolvedDefinition() {
        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(PIPELINE));
        assertEquals("sfn-test-pipeline", d.name());
        assertEquals("arn:aws:iam::000000000000:role/pipeline", d.roleArn());
        assertTrue(d.definition().contains("\"FunctionName\":\"arn:aws:lambda:us-east-1:000000000000:function:sfn-test-echo\""),
                d.definition());
        assertTrue(d.definition().contains("\"TableName\":\"sfn-test-runs\""), d.definition());
    }

    @Test
    void anUploadStartsTheStateMachineWhichCallsTheLambdaAndWritesDynamoDb() {
        String key = "incoming/" + UUID.randomUUID() + ".csv";
        Clients.s3(SharedTwin.endpoint()).putObject(b -> b.bucket("sfn-test-drops").key(key), RequestBody.fromString("a,b\n1,2\n"));

        String execution = awaitExecutionFor(key, Duration.ofSeconds(30));
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, execution);
        assertEquals(ExecutionStatus.SUCCEEDED, d.status(), () -> Machines.explain(sfn, execution));
        assertTrue(d.input().contains("\"detail-type\":\"Object Created\""), d.input());

        var item = Clients.dynamoDb(SharedTwin.endpoint()).getItem(b -> b.tableName("sfn-test-runs")
                .key(java.util.Map.of("runId", AttributeValue.fromS(key)))).item();
        assertEquals(key, item.get("runId").s());
    }

    private String awaitExecutionFor(String key, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<String> found = sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)).executions().stream()
                    .map(ExecutionListItem::executionArn)
                    .filter(arn -> sfn.describeExecution(b -> b.executionArn(arn)).input().contains(key))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Machines.sleep(100);
        }
        throw new AssertionError("no execution of " + PIPELINE + " started for " + key);
    }
}
