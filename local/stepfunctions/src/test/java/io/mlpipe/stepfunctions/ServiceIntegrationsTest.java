package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Tasks reaching the twin's own services, as AWS's integrations reach AWS's. */
class ServiceIntegrationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:sfn-test-echo";

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());

    /** Runs a one-Task machine (plus what {@code states} adds) and returns the ended execution. */
    private DescribeExecutionResponse run(String states, String input) {
        String arn = Machines.start(sfn, Machines.create(sfn, "integration", "{\"StartAt\":\"T\",\"States\":{" + states + "}}"), input);
        return Machines.awaitEnd(sfn, arn, Duration.ofSeconds(60));
    }

    private JsonNode succeeded(DescribeExecutionResponse d) throws Exception {
        assertEquals(ExecutionStatus.SUCCEEDED, d.status(), () -> Machines.explain(sfn, d.executionArn()));
        return JSON.readTree(d.output());
    }

    @Test
    void lambdaInvokeAnswersTheInvokeResponseWithTheParsedPayload() throws Exception {
        JsonNode out = succeeded(run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"sfn-test-echo\",\"Payload.$\":\"$\"},\"End\":true}", "{\"n\":7}"));
        assertEquals(7, out.path("Payload").path("echo").path("n").asInt());
        assertEquals(200, out.path("StatusCode").asInt());
        assertEquals("$LATEST", out.path("ExecutedVersion").asText());
        assertEquals(200, out.path("SdkHttpMetadata").path("HttpStatusCode").asInt());
        assertFalse(out.path("SdkResponseMetadata").path("RequestId").asText().isEmpty());
    }

    @Test
    void aPlainFunctionArnAnswersThePayloadItself() throws Exception {
        JsonNode out = succeeded(run("\"T\":{\"Type\":\"Task\",\"Resource\":\"" + FUNCTION_ARN + "\",\"End\":true}", "{\"n\":8}"));
        assertEquals(8, out.path("echo").path("n").asInt());
    }

    @Test
    void aFunctionErrorIsTheErrorTypeAndCanBeCaught() throws Exception {
        JsonNode out = succeeded(run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"sfn-test-echo\",\"Payload.$\":\"$\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"" + EchoHandler.DataValidationError.class.getName() + "\"],\"ResultPath\":\"$.failure\",\"Next\":\"Handled\"}],\"End\":true},"
                + "\"Handled\":{\"Type\":\"Pass\",\"End\":true}", "{\"fail\":\"row 3\"}"));
        assertEquals(EchoHandler.DataValidationError.class.getName(), out.path("failure").path("Error").asText());
        JsonNode cause = JSON.readTree(out.path("failure").path("Cause").asText());
        assertEquals(EchoHandler.DataValidationError.class.getName(), cause.path("errorType").asText());
        assertEquals("bad data: row 3", cause.path("errorMessage").asText());
    }

    @Test
    void aMissingFunctionIsLambdaResourceNotFound() {
        DescribeExecutionResponse d = run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"no-such-function\"},\"End\":true}", "{}");
        assertEquals(ExecutionStatus.FAILED, d.status());
        assertEquals("Lambda.ResourceNotFoundException", d.error());
    }

    @Test
    void dynamoDbPutItemWithAFailedConditionIsConditionalCheckFailedException() throws Exception {
        String put = "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\",\"Parameters\":{\"TableName\":\"sfn-test-runs\","
                + "\"Item\":{\"runId\":{\"S.$\":\"$.runId\"}},\"ConditionExpression\":\"attribute_not_exists(runId)\"},\"ResultPath\":null";
        String states = "\"T\":{" + put + ",\"Next\":\"Again\"},"
                + "\"Again\":{" + put + ",\"Catch\":[{\"ErrorEquals\":[\"DynamoDB.ConditionalCheckFailedException\"],"
                + "\"ResultPath\":\"$.duplicate\",\"Next\":\"Read\"}],\"Next\":\"Read\"},"
                + "\"Read\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:getItem\",\"Parameters\":{\"TableName\":\"sfn-test-runs\","
                + "\"Key\":{\"runId\":{\"S.$\":\"$.runId\"}}},\"ResultPath\":\"$.read\",\"End\":true}";
        String runId = UUID.randomUUID().toString();
        JsonNode out = succeeded(run(states, "{\"runId\":\"" + runId + "\"}"));
        assertEquals("DynamoDB.ConditionalCheckFailedException", out.path("duplicate").path("Error").asText());
        assertTrue(out.path("duplicate").path("Cause").asText().contains("Service: DynamoDB"), out.toString());
        assertEquals(runId, out.path("read").path("Item").path("runId").path("S").asText());
    }

    @Test
    void eventsPutEventsReachesTheRulesSqsTarget() throws Exception {
        String marker = UUID.randomUUID().toString();
        JsonNode out = succeeded(run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
                + "\"Parameters\":{\"Entries\":[{\"Source\":\"sfn.test\",\"DetailType\":\"Tested\",\"Detail\":{\"marker.$\":\"$.marker\"}}]},"
                + "\"End\":true}", "{\"marker\":\"" + marker + "\"}"));
        assertEquals(0, out.path("FailedEntryCount").asInt());
        SqsClient sqs = Clients.sqs(SharedTwin.endpoint());
        String inbox = sqs.getQueueUrl(b -> b.queueName("sfn-test-inbox")).queueUrl();
        JsonNode event = JSON.readTree(Queues.receive(sqs, inbox, body -> body.contains(marker), Duration.ofSeconds(10)));
        assertEquals("sfn.test", event.path("source").asText());
        assertEquals("Tested", event.path("detail-type").asText());
        assertEquals(marker, event.path("detail").path("marker").asText());
    }

    @Test
    void awsSdkS3PutsAndGetsObjectsAndAMissingKeyIsNoSuchKeyException() throws Exception {
        String key = "sfn/" + UUID.randomUUID() + ".json";
        String states = "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:s3:putObject\",\"Parameters\":{"
                + "\"Bucket\":\"sfn-test-drops\",\"Key\":\"" + key + "\",\"ContentType\":\"application/json\",\"Body\":{\"score.$\":\"$.score\"}},"
                + "\"ResultPath\":\"$.put\",\"Next\":\"Get\"},"
                + "\"Get\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:s3:getObject\",\"Parameters\":{"
                + "\"Bucket\":\"sfn-test-drops\",\"Key\":\"" + key + "\"},\"ResultPath\":\"$.got\",\"Next\":\"Missing\"},"
                + "\"Missing\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:s3:getObject\",\"Parameters\":{"
                + "\"Bucket\":\"sfn-test-drops\",\"Key\":\"nothing/here\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"S3.NoSuchKeyException\"],\"ResultPath\":\"$.missing\",\"Next\":\"Done\"}],\"Next\":\"Done\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}";
        JsonNode out = succeeded(run(states, "{\"score\":0.91}"));
        assertFalse(out.path("put").path("ETag").asText().isEmpty());
        assertEquals("{\"score\":0.91}", out.path("got").path("Body").asText());
        assertEquals("application/json", out.path("got").path("ContentType").asText());
        assertEquals("S3.NoSuchKeyException", out.path("missing").path("Error").asText());
        assertEquals("{\"score\":0.91}", Clients.s3(SharedTwin.endpoint()).getObjectAsBytes(b -> b.bucket("sfn-test-drops").key(key)).asUtf8String());
    }

    @Test
    void awsSdkDynamoDbCallsTheApiAndNamesErrorsWithTheExceptionSuffix() throws Exception {
        String states = "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:dynamodb:describeTable\","
                + "\"Parameters\":{\"TableName\":\"sfn-test-runs\"},\"ResultPath\":\"$.table\",\"Next\":\"Missing\"},"
                + "\"Missing\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:dynamodb:describeTable\","
                + "\"Parameters\":{\"TableName\":\"no-such-table\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"DynamoDB.ResourceNotFoundException\"],\"ResultPath\":\"$.missing\",\"Next\":\"Done\"}],\"Next\":\"Done\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}";
        JsonNode out = succeeded(run(states, "{}"));
        assertEquals("sfn-test-runs", out.path("table").path("Table").path("TableName").asText());
        assertEquals("DynamoDB.ResourceNotFoundException", out.path("missing").path("Error").asText());
    }

    @Test
    void awsSdkSfnStartsAnotherExecutionInPascalCaseAndNamesItsErrors() throws Exception {
        String child = Machines.create(sfn, "child", ExecutionApiTest.ADD);
        String missing = "arn:aws:states:us-east-1:000000000000:stateMachine:" + Machines.unique("absent");
        String states = "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sfn:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\"" + child + "\",\"Input\":\"{\\\"a\\\":1,\\\"b\\\":2}\"},"
                + "\"ResultPath\":\"$.started\",\"Next\":\"Missing\"},"
                + "\"Missing\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sfn:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\"" + missing + "\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"Sfn.StateMachineDoesNotExistException\"],\"ResultPath\":\"$.missing\",\"Next\":\"Done\"}],"
                + "\"Next\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}";
        JsonNode out = succeeded(run(states, "{}"));
        String started = out.path("started").path("ExecutionArn").asText();
        assertTrue(started.startsWith(child.replace(":stateMachine:", ":execution:")), out.toString());
        assertEquals("{\"sum\":3}", Machines.awaitEnd(sfn, started).output());
        assertEquals("Sfn.StateMachineDoesNotExistException", out.path("missing").path("Error").asText());
    }

    @Test
    void snsPublishAnswersTheMessageId() throws Exception {
        String topic = Clients.sns(SharedTwin.endpoint()).createTopic(b -> b.name(Machines.unique("topic"))).topicArn();
        JsonNode out = succeeded(run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sns:publish\","
                + "\"Parameters\":{\"TopicArn\":\"" + topic + "\",\"Message\":{\"hello.$\":\"$.who\"}},\"End\":true}", "{\"who\":\"world\"}"));
        assertFalse(out.path("MessageId").asText().isEmpty(), out.toString());
    }

    @Test
    void aServiceTheTwinDoesNotEmulateFailsWithStatesRuntimeNamingIt() {
        DescribeExecutionResponse d = run("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun\","
                + "\"Parameters\":{\"JobName\":\"x\"},\"End\":true}", "{}");
        assertEquals(ExecutionStatus.FAILED, d.status());
        assertEquals("States.Runtime", d.error());
        assertTrue(d.cause().contains("arn:aws:states:::glue:startJobRun"), d.cause());
    }
}
