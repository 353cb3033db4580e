package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three integration patterns: request-response, run a job (.sync) and wait for a callback (.waitForTaskToken). */
class IntegrationPatternsTest {

    static final String SYNC = """
        {"StartAt":"Train","States":{"Train":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync",
          "Parameters":{"TrainingJobName.$":"$.name"},"End":true}}}""";

    static final String CALLBACK = """
        {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"Payload":{"token.$":"$$.Task.Token"}},%s"End":true}}}""";

    /** A training job that reports InProgress twice, then Completed. */
    static final class TrainingJobs implements ServiceIntegration {
        final AtomicInteger describes = new AtomicInteger();
        final boolean fail;

        TrainingJobs(boolean fail) { this.fail = fail; }

        public TaskResponse invoke(TaskRequest r) {
            String name = r.parameters().get("TrainingJobName").asText();
            JsonNode started = Json.parse("{\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:0:training-job/" + name + "\"}");
            return new TaskResponse.Job(started, () -> {
                int n = describes.incrementAndGet();
                if (n < 3) return null;
                if (fail) throw new StatesError("SageMaker.AmazonSageMakerException", "Training failed: AlgorithmError");
                return Json.parse("{\"TrainingJobName\":\"" + name + "\",\"TrainingJobStatus\":\"Completed\",\"FinalMetricDataList\":[{\"MetricName\":\"validation:auc\",\"Value\":0.9}]}");
            }, 60);
        }
    }

    @Test
    void syncJobIsPolledUntilDoneAndItsDescribeResponseIsTheResult() {
        TrainingJobs jobs = new TrainingJobs(false);
        Execution ex = Asl.engine(jobs).runToEnd(StateMachineDefinition.parse(SYNC), ExecutionRequest.of("t", Asl.json("{\"name\":\"job-1\"}")), ExecutionListener.NONE);
        ExecutionResult r = ex.result();
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), r::cause);
        assertEquals("Completed", r.output().get("TrainingJobStatus").asText());
        assertEquals(3, jobs.describes.get());
        List<String> types = ex.history().stream().map(HistoryEvent::type).toList();
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"), types);
        assertEquals("createTrainingJob.sync", ex.history().get(4).details().get("resource").asText());
        assertTrue(ex.history().get(4).detailsJson().get("output").asText().contains("TrainingJobArn"));
    }

    @Test
    void syncJobFailureIsTheTaskError() {
        ExecutionResult r = Asl.engine(new TrainingJobs(true)).run(StateMachineDefinition.parse(SYNC), ExecutionRequest.of("t", Asl.json("{\"name\":\"j\"}")), ExecutionListener.NONE);
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertEquals("SageMaker.AmazonSageMakerException", r.error());
        assertTrue(r.cause().contains("AlgorithmError"));
    }

    @Test
    void syncJobPollingHonoursTheTaskTimeout() {
        ServiceIntegration never = req -> new TaskResponse.Job(Json.object(), () -> null, 0);
        String def = SYNC.replace("\"End\":true", "\"TimeoutSeconds\":1,\"End\":true");
        long start = System.nanoTime();
        // the real clock: the deadline must pass
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(never).withWaitScale(0));
        ExecutionResult r = engine.run(StateMachineDefinition.parse(def), ExecutionRequest.of("t", Asl.json("{\"name\":\"j\"}")), ExecutionListener.NONE);
        assertEquals("States.Timeout", r.error());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    /** An integration that starts nothing: it records the token of each callback task. */
    static final class TokenSink implements ServiceIntegration {
        final List<String> tokens = new CopyOnWriteArrayList<>();

        public TaskResponse invoke(TaskRequest r) {
            tokens.add(r.parameters().path("Payload").path("token").asText());
            assertEquals(r.taskToken(), r.parameters().path("Payload").path("token").asText(), "$$.Task.Token is the request's token");
            return TaskResponse.result(Json.parse("{\"StatusCode\":202}"));
        }

        String awaitToken() throws InterruptedException {
            for (int i = 0; i < 5000 && tokens.isEmpty(); i++) Thread.sleep(1);
            return tokens.get(0);
        }
    }

    @Test
    void callbackWaitsForSendTaskSuccess() throws Exception {
        TokenSink sink = new TokenSink();
        AslEngine engine = Asl.engine(sink);
        Execution ex = engine.start(StateMachineDefinition.parse(CALLBACK.formatted("")), ExecutionRequest.of("cb", Asl.json("{}")), ExecutionListener.NONE);
        String token = sink.awaitToken();
        Thread.sleep(20);
        assertEquals(ExecutionStatus.RUNNING, ex.status());
        assertTrue(engine.sendTaskHeartbeat(token));
        assertTrue(engine.sendTaskSuccess(token, Asl.json("{\"approved\":true}")));
        ExecutionResult r = ex.await(5, TimeUnit.SECONDS);
        assertEquals(Asl.json("{\"approved\":true}"), r.output());
        assertFalse(engine.sendTaskSuccess(token, Asl.json("{}")), "a used token is gone");
        List<String> types = ex.history().stream().map(HistoryEvent::type).toList();
        assertTrue(types.containsAll(List.of("TaskSubmitted", "TaskSucceeded")), types::toString);
    }

    @Test
    void callbackFailureIsCaughtByName() throws Exception {
        TokenSink sink = new TokenSink();
        AslEngine engine = Asl.engine(sink);
        String def = """
            {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"Payload":{"token.$":"$$.Task.Token"}},
              "Catch":[{"ErrorEquals":["Rejected"],"Next":"Handled"}],"End":true},
              "Handled":{"Type":"Pass","End":true}}}""";
        Execution ex = engine.start(StateMachineDefinition.parse(def), ExecutionRequest.of("cb", Asl.json("{}")), ExecutionListener.NONE);
        assertTrue(engine.sendTaskFailure(sink.awaitToken(), "Rejected", "by reviewer"));
        ExecutionResult r = ex.await(5, TimeUnit.SECONDS);
        assertEquals(Asl.json("{\"Error\":\"Rejected\",\"Cause\":\"by reviewer\"}"), r.output());
    }

    @Test
    void missingHeartbeatIsStatesHeartbeatTimeout() throws Exception {
        TokenSink sink = new TokenSink();
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(sink).withWaitScale(0));
        Execution ex = engine.start(StateMachineDefinition.parse(CALLBACK.formatted("\"TimeoutSeconds\":30,\"HeartbeatSeconds\":1,")),
                ExecutionRequest.of("hb", Asl.json("{}")), ExecutionListener.NONE);
        ExecutionResult r = ex.await(10, TimeUnit.SECONDS);
        assertEquals("States.HeartbeatTimeout", r.error());
        assertTrue(ex.history().stream().anyMatch(e -> e.type().equals("TaskTimedOut")));
        assertFalse(engine.sendTaskSuccess(sink.tokens.get(0), Json.object()), "a timed-out token is gone");
    }

    @Test
    void callbackWithoutAnswerIsStatesTimeout() throws Exception {
        TokenSink sink = new TokenSink();
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(sink).withWaitScale(0));
        Execution ex = engine.start(StateMachineDefinition.parse(CALLBACK.formatted("\"TimeoutSeconds\":1,")),
                ExecutionRequest.of("to", Asl.json("{}")), ExecutionListener.NONE);
        assertEquals("States.Timeout", ex.await(10, TimeUnit.SECONDS).error());
    }

    @Test
    void anIntegrationBugIsATaskFailureNotAnEngineCrash() {
        ServiceIntegration broken = req -> { throw new IllegalStateException("boom"); };
        ExecutionResult r = Asl.engine(broken).run(StateMachineDefinition.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}}"""),
                ExecutionRequest.of("b", Json.object()), ExecutionListener.NONE);
        assertEquals(ExecutionStatus.SUCCEEDED, r.status());
        assertTrue(r.output().get("Cause").asText().contains("boom"));
    }
}
