package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.twin.Twin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Stop the twin in the middle of executions, start it again on the same data directory. */
class RestartResumesExecutionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    static final String WAIT_THEN_PASS = "{\"StartAt\":\"Before\",\"States\":{"
            + "\"Before\":{\"Type\":\"Pass\",\"Result\":{\"step\":1},\"Next\":\"Nap\"},"
            + "\"Nap\":{\"Type\":\"Wait\",\"Seconds\":2,\"Next\":\"After\"},"
            + "\"After\":{\"Type\":\"Pass\",\"Parameters\":{\"step.$\":\"States.MathAdd($.step, 1)\"},\"End\":true}}}";

    @Test
    void runningExecutionsResumeFromTheirCheckpointAndFinishedOnesAreStillServed() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-");
        String waiting;
        String callback;
        String broken;
        String finished;
        String oldToken;
        String queueName = Machines.unique("restart-callbacks");
        List<HistoryEvent> finishedHistory;
        try (Twin first = SharedTwin.start(data, 1.0)) {
            SfnClient sfn = Clients.sfn(first.endpoint());
            SqsClient sqs = Clients.sqs(first.endpoint());
            String queue = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();

            finished = Machines.start(sfn, Machines.create(sfn, "done", ExecutionApiTest.ADD), "{\"a\":1,\"b\":1}");
            assertEquals(ExecutionStatus.SUCCEEDED, Machines.awaitEnd(sfn, finished).status());
            finishedHistory = sfn.getExecutionHistory(b -> b.executionArn(finished)).events();

            String napper = Machines.create(sfn, "nap", WAIT_THEN_PASS);
            waiting = Machines.start(sfn, napper, "{}");
            broken = Machines.start(sfn, napper, "{}");
            callback = Machines.start(sfn, Machines.create(sfn, "ask", CallbackTaskTest.askThroughQueue(queue)),
                    "{\"question\":\"still there?\"}");
            awaitEvent(sfn, waiting, HistoryEventType.WAIT_STATE_ENTERED);
            awaitEvent(sfn, broken, HistoryEventType.WAIT_STATE_ENTERED);
            oldToken = JSON.readTree(Queues.receive(sqs, queue, b -> b.contains("still there?"), Duration.ofSeconds(10)))
                    .path("token").asText();
        }
        // a checkpoint naming a state the definition lacks cannot be resumed: the execution must fail visibly
        Path checkpoint = executionDirectory(data, broken).resolve("checkpoint.json");
        ObjectNode edited = (ObjectNode) JSON.readTree(checkpoint.toFile());
        Files.writeString(checkpoint, edited.put("nextState", "Vanished").toString());

        // the process died while writing an event: that line is cut short
        Path waitingHistory = executionDirectory(data, waiting).resolve("history.jsonl");
        Files.writeString(waitingHistory, "{\"timestamp\":17", java.nio.file.StandardOpenOption.APPEND);

        try (Twin second = SharedTwin.start(data, 1.0)) {
            SfnClient sfn = Clients.sfn(second.endpoint());
            SqsClient sqs = Clients.sqs(second.endpoint());

            DescribeExecutionResponse resumed = Machines.awaitEnd(sfn, waiting);
            assertEquals(ExecutionStatus.SUCCEEDED, resumed.status(), () -> Machines.explain(sfn, waiting));
            assertEquals("{\"step\":2}", resumed.output());
            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(waiting)).events();
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).id(), "ids stay sequential across the restart");
            }
            assertEquals(1, events.stream().filter(e -> e.type() == HistoryEventType.EXECUTION_STARTED).count());
            // the Wait that was running when the twin stopped runs again from its top
            assertEquals(2, events.stream().filter(e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED).count());
            assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, events.get(events.size() - 1).type());
            List<String> lines = Files.readAllLines(waitingHistory);
            assertEquals(events.size(), lines.size(), "the cut line is gone from the file, every event has its own line");
            for (String line : lines) {
                JSON.readTree(line);
            }

            // the callback task was re-run: a new token went out; the old one means nothing any more
            String queue = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
            String newToken = JSON.readTree(Queues.receive(sqs, queue,
                    b -> b.contains("still there?") && !b.contains(oldToken), Duration.ofSeconds(20))).path("token").asText();
            assertThrows(InvalidTokenException.class, () -> sfn.sendTaskSuccess(b -> b.taskToken(oldToken).output("{}")));
            sfn.sendTaskSuccess(b -> b.taskToken(newToken).output("{\"yes\":true}"));
            assertEquals("{\"yes\":true}", Machines.awaitEnd(sfn, callback).output());

            DescribeExecutionResponse failed = Machines.awaitEnd(sfn, broken);
            assertEquals(ExecutionStatus.FAILED, failed.status());
            assertEquals("States.Runtime", failed.error());
            assertTrue(failed.cause().contains("Vanished"), failed.cause());
            List<HistoryEvent> brokenEvents = sfn.getExecutionHistory(b -> b.executionArn(broken).reverseOrder(true)).events();
            assertEquals(HistoryEventType.EXECUTION_FAILED, brokenEvents.get(0).type());

            assertEquals(ExecutionStatus.SUCCEEDED, sfn.describeExecution(b -> b.executionArn(finished)).status());
            assertEquals(finishedHistory, sfn.getExecutionHistory(b -> b.executionArn(finished)).events());
        }
    }

    @Test
    void withoutATemplateRunningExecutionsResumeAfterTheFallbackAndCanBeStoppedBefore() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-bare-");
        String stopped;
        String resumed;
        try (Twin first = bare(data)) {
            SfnClient sfn = Clients.sfn(first.endpoint());
            String napper = Machines.create(sfn, "bare-nap", WAIT_THEN_PASS);
            stopped = Machines.start(sfn, napper, "{}");
            resumed = Machines.start(sfn, napper, "{}");
            awaitEvent(sfn, stopped, HistoryEventType.WAIT_STATE_ENTERED);
            awaitEvent(sfn, resumed, HistoryEventType.WAIT_STATE_ENTERED);
        }
        try (Twin second = bare(data)) {
            SfnClient sfn = Clients.sfn(second.endpoint());
            // served at once, still RUNNING until resumed
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(stopped)).status());
            sfn.stopExecution(b -> b.executionArn(stopped).error("Operator.Stop"));
            DescribeExecutionResponse aborted = sfn.describeExecution(b -> b.executionArn(stopped));
            assertEquals(ExecutionStatus.ABORTED, aborted.status());
            assertEquals("Operator.Stop", aborted.error());

            DescribeExecutionResponse done = Machines.awaitEnd(sfn, resumed,
                    Duration.ofSeconds(StepFunctionsPlugin.RESUME_FALLBACK_SECONDS + 20));
            assertEquals(ExecutionStatus.SUCCEEDED, done.status(), () -> Machines.explain(sfn, resumed));
            assertEquals(ExecutionStatus.ABORTED, sfn.describeExecution(b -> b.executionArn(stopped)).status());
            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(stopped)).events();
            assertEquals(HistoryEventType.EXECUTION_ABORTED, events.get(events.size() - 1).type());
        }
    }

    @Test
    void aSyncTrainingTaskInFlightAttachesToItsJobAfterTheRestartWhileAnOrdinaryRunStillGetsResourceInUse() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "restart-training-");
        String prefix = Machines.unique("restart-training");
        String job = Machines.unique("job");
        String input = "{\"name\":\"" + job + "\"}";
        String machine;
        String execution;
        DescribeTrainingJobResponse submitted;
        try (Twin first = SharedTwin.start(data, 0.01)) {
            StringBuilder csv = new StringBuilder(); // label first, no header, as the XGBoost container reads CSV
            for (int i = 0; i < 400; i++) {
                csv.append(i % 2).append(',').append(i % 2 + (i % 7) / 10.0).append(',').append(i % 5).append('\n');
            }
            Clients.s3(first.endpoint()).putObject(b -> b.bucket("sfn-test-drops").key(prefix + "/train/data.csv"),
                    RequestBody.fromString(csv.toString()));
            SfnClient sfn = Clients.sfn(first.endpoint());
            machine = Machines.create(sfn, "train", "{\"StartAt\":\"Train\",\"States\":{\"Train\":{\"Type\":\"Task\","
                    + "\"Resource\":\"arn:aws:states:::sagemaker:createTrainingJob.sync\",\"Parameters\":{"
                    + "\"TrainingJobName.$\":\"$.name\",\"RoleArn\":\"arn:aws:iam::000000000000:role/sm\","
                    + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + XGBOOST_IMAGE + "\",\"TrainingInputMode\":\"File\"},"
                    + "\"HyperParameters\":{\"objective\":\"binary:logistic\",\"num_round\":\"20\"},"
                    + "\"InputDataConfig\":[{\"ChannelName\":\"train\",\"ContentType\":\"text/csv\",\"DataSource\":{"
                    + "\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://sfn-test-drops/" + prefix + "/train/\"}}}],"
                    + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://sfn-test-drops/" + prefix + "/models/\"},"
                    + "\"ResourceConfig\":{\"InstanceCount\":1,\"InstanceType\":\"ml.m5.large\",\"VolumeSizeInGB\":10},"
                    + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":600}},\"End\":true}}}");
            execution = Machines.start(sfn, machine, input);
            // CreateTrainingJob was accepted; the twin stops before the job has trained
            awaitEvent(sfn, execution, HistoryEventType.TASK_SUBMITTED);
            submitted = Clients.sageMaker(first.endpoint()).describeTrainingJob(b -> b.trainingJobName(job));
        }

        try (Twin second = SharedTwin.start(data, 0.01)) {
            SfnClient sfn = Clients.sfn(second.endpoint());
            DescribeExecutionResponse resumed = Machines.awaitEnd(sfn, execution, Duration.ofSeconds(90));
            assertEquals(ExecutionStatus.SUCCEEDED, resumed.status(), () -> Machines.explain(sfn, execution));
            JsonNode output = JSON.readTree(resumed.output());
            assertEquals("Completed", output.path("TrainingJobStatus").asText(), output.toString());
            assertEquals(submitted.trainingJobArn(), output.path("TrainingJobArn").asText());
            DescribeTrainingJobResponse trained = Clients.sageMaker(second.endpoint()).describeTrainingJob(b -> b.trainingJobName(job));
            assertEquals(submitted.creationTime(), trained.creationTime(), "the job created before the restart, not a new one");

            // a new execution is no resumed one: the taken name is SageMaker's error, as on AWS
            String again = Machines.start(sfn, machine, input);
            DescribeExecutionResponse failed = Machines.awaitEnd(sfn, again, Duration.ofSeconds(30));
            assertEquals(ExecutionStatus.FAILED, failed.status());
            assertEquals("SageMaker.ResourceInUseException", failed.error(), failed.cause());
        }
    }

    private static Twin bare(Path data) throws Exception {
        return Twin.builder().dataDirectory(data).port(0).waitScale(1.0).plugin(new StepFunctionsPlugin()).build().start();
    }

    private static void awaitEvent(SfnClient sfn, String executionArn, HistoryEventType type) {
        for (int i = 0; i < 500; i++) {
            if (sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream().anyMatch(e -> e.type() == type)) {
                return;
            }
            Machines.sleep(20);
        }
        throw new AssertionError(executionArn + " never got " + type);
    }

    /** Where the service keeps an execution: {@code stepfunctions/executions/<state machine>/<execution>/}. */
    private static Path executionDirectory(Path data, String executionArn) {
        String[] parts = executionArn.split(":");
        return data.resolve("stepfunctions/executions").resolve(parts[6]).resolve(parts[7]);
    }
}
