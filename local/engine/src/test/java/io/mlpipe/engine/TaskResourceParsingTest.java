package io.mlpipe.engine;

import io.mlpipe.engine.spi.IntegrationPattern;
import io.mlpipe.engine.spi.TaskRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Resource ... arn:aws:states:::service:apiAction[.sync|.waitForTaskToken]" and
 * "arn:aws:states:::aws-sdk:serviceName:apiAction": what the integration receives, and what
 * the history's taskScheduledEventDetails report.
 */
class TaskResourceParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        arn:aws:states:::lambda:invoke                                | lambda            | invoke             | REQUEST_RESPONSE | invoke
        arn:aws:states:::lambda:invoke.waitForTaskToken               | lambda            | invoke             | CALLBACK         | invoke.waitForTaskToken
        arn:aws:states:::sagemaker:createTrainingJob.sync             | sagemaker         | createTrainingJob  | RUN_JOB          | createTrainingJob.sync
        arn:aws:states:::sagemaker:createEndpoint                     | sagemaker         | createEndpoint     | REQUEST_RESPONSE | createEndpoint
        arn:aws:states:::aws-sdk:sagemaker:describeEndpoint           | aws-sdk:sagemaker | describeEndpoint   | REQUEST_RESPONSE | describeEndpoint
        arn:aws:states:::aws-sdk:s3:getObject                         | aws-sdk:s3        | getObject          | REQUEST_RESPONSE | getObject
        arn:aws:states:::dynamodb:putItem                             | dynamodb          | putItem            | REQUEST_RESPONSE | putItem
        arn:aws:states:::dynamodb:updateItem                          | dynamodb          | updateItem         | REQUEST_RESPONSE | updateItem
        arn:aws:states:::events:putEvents                             | events            | putEvents          | REQUEST_RESPONSE | putEvents
        arn:aws:states:::events:putEvents.waitForTaskToken            | events            | putEvents          | CALLBACK         | putEvents.waitForTaskToken
        arn:aws:states:::states:startExecution.sync:2                 | states            | startExecution     | RUN_JOB          | startExecution.sync:2
        arn:aws:states:::glue:startJobRun.sync                        | glue              | startJobRun        | RUN_JOB          | startJobRun.sync
        arn:aws:states:us-east-1:123456789012:sqs:sendMessage         | sqs               | sendMessage        | REQUEST_RESPONSE | sendMessage
        arn:aws:lambda:us-east-1:123456789012:function:preprocess     | lambda            | invoke             | REQUEST_RESPONSE | arn:aws:lambda:us-east-1:123456789012:function:preprocess
        arn:aws:lambda:us-east-1:123456789012:function:preprocess:live | lambda           | invoke             | REQUEST_RESPONSE | arn:aws:lambda:us-east-1:123456789012:function:preprocess:live
        """)
    void resource(String arn, String service, String action, IntegrationPattern pattern, String historyResource) throws Exception {
        ScriptedIntegration services = new ScriptedIntegration(null);
        AslEngine engine = Asl.engine(services);
        String def = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","Parameters":{"x":1},"End":true}}}""".formatted(arn);
        Execution ex = engine.start(StateMachineDefinition.parse(def), ExecutionRequest.of("r", Asl.json("{}")), ExecutionListener.NONE);
        if (pattern == IntegrationPattern.CALLBACK) {
            while (services.requests.isEmpty()) Thread.sleep(1);
            engine.sendTaskSuccess(services.requests.get(0).taskToken(), Asl.json("{\"done\":true}"));
        }
        ExecutionResult r = ex.await(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), () -> r.error() + " " + r.cause());
        TaskRequest req = services.requests.get(0);
        assertEquals(arn, req.resource());
        assertEquals(service, req.service());
        assertEquals(action, req.action());
        assertEquals(pattern, req.pattern());
        assertEquals(Asl.json("{\"x\":1}"), req.parameters());
        assertEquals(arn.startsWith("arn:aws:lambda:") ? arn : null, req.functionArn());
        HistoryEvent scheduled = ex.history().stream().filter(e -> e.type().endsWith("Scheduled")).findFirst().orElseThrow();
        if (req.functionArn() == null) {
            assertEquals(service, scheduled.details().get("resourceType").asText());
            assertEquals(historyResource, scheduled.details().get("resource").asText());
            assertEquals("us-east-1", scheduled.details().get("region").asText());
            assertEquals("{\"x\":1}", scheduled.detailsJson().get("parameters").asText());
        } else {
            assertEquals("LambdaFunctionScheduled", scheduled.type());
            assertEquals(historyResource, scheduled.details().get("resource").asText());
        }
    }
}
