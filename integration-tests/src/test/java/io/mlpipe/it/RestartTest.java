package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import io.mlpipe.it.PipelineUser.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Stopping the twin (Ctrl-C) in the middle of an execution and starting it on the same data directory loses nothing. */
class RestartTest extends PipelineScenario {

    /** Drops a larger file and restarts the pipeline once its execution is training; returns the execution's ARN. */
    private String restartWhileTraining(String model) throws Exception {
        return restartWhileTraining(model, false);
    }

    private String restartWhileTraining(String model, boolean crash) throws Exception {
        assumeTrue(user.pipeline.restartable(), "only the local twin can be stopped and started again");
        String key = user.drop(model, "data.csv", Dataset.of(Kind.MULTICLASS, 102, 2000, 10, 0.3).csv());
        String arn = user.await("the execution to reach training", () -> user.executions(key).stream()
                .filter(e -> user.statesEntered(e.arn()).contains("Train")).findFirst()).arn();
        assertEquals(ExecutionStatus.RUNNING, user.describe(arn).status(), "still running when the twin stops");
        if (crash) {
            user.crashAndRestart();
        } else {
            user.restart();
        }
        return arn;
    }

    @Test
    void aRestartInTheMiddleOfAnExecutionLosesNoObjectsRunsHistoryOrChampion() throws Exception {
        assumeTrue(user.pipeline.restartable(), "only the local twin can be stopped and started again");
        String deployed = PipelineUser.model("before-restart");
        Dataset deployedData = Dataset.of(Kind.BINARY, 101, 300, 50, 0.3);
        String deployedKey = user.drop(deployed, "data.csv", deployedData.csv());
        Execution earlier = user.awaitExecution(deployedKey);
        assertEquals("DEPLOYED", earlier.output().path("status").asText());
        Response before = user.predict(deployed, deployedData.heldOutFeatures());
        List<String> earlierHistory = user.statesEntered(earlier.arn());

        String model = PipelineUser.model("across-restart");
        String arn = restartWhileTraining(model);

        Execution execution = user.awaitFinished(arn);
        assertTrue(execution.status() == ExecutionStatus.SUCCEEDED
                || (execution.status() == ExecutionStatus.FAILED && !execution.error().isBlank() && !execution.cause().isBlank()),
                "completes, or fails with a clear error: " + execution);
        Map<String, AttributeValue> run = user.run(model, arn);
        assertFalse("RUNNING".equals(s(run, "status")), "the run is decided and recorded: " + run);
        List<String> history = user.statesEntered(arn);
        assertEquals(List.of("NormaliseInput", "ValidateInput", "RecordRunStart", "Preprocess", "Train"), history.subList(0, 5),
                "the history from before the restart is kept: " + history);

        // what existed before the restart is all still there
        assertEquals(earlierHistory, user.statesEntered(earlier.arn()));
        assertEquals(earlier, user.describe(earlier.arn()));
        assertTrue(user.clients().s3().headObject(r -> r.bucket(user.pipeline.bucket()).key(deployedKey)).contentLength() > 0);
        assertEquals("DEPLOYED", s(user.run(deployed, earlier.arn()), "status"));
        assertEquals("InService", user.endpointStatus(deployed));
        assertEquals(before, user.predict(deployed, deployedData.heldOutFeatures()), "the champion answers as before");
    }

    @Test
    void aCrashInTheMiddleOfAnExecutionLosesNoObjectsRunsOrHistory() throws Exception {
        assumeTrue(user.pipeline.restartable(), "only the local twin can be killed and started again");
        String model = PipelineUser.model("across-crash");
        String earlierKey = user.drop(model, "earlier.csv", Dataset.of(Kind.BINARY, 103, 300, 10, 0.3).csv());
        Execution earlier = user.awaitExecution(earlierKey);
        assertEquals("DEPLOYED", earlier.output().path("status").asText());

        String arn = restartWhileTraining(model, true);

        Execution execution = user.awaitFinished(arn);
        assertTrue(execution.status() == ExecutionStatus.SUCCEEDED
                || (execution.status() == ExecutionStatus.FAILED && !execution.error().isBlank() && !execution.cause().isBlank()),
                "completes, or fails with a clear error: " + execution);
        assertFalse("RUNNING".equals(s(user.run(model, arn), "status")), "the run is decided and recorded");
        assertEquals(earlier, user.describe(earlier.arn()));
        assertEquals("DEPLOYED", s(user.run(model, earlier.arn()), "status"));
        assertTrue(user.clients().s3().headObject(r -> r.bucket(user.pipeline.bucket()).key(earlierKey)).contentLength() > 0);
        assertTrue(user.champion(model).isPresent(), "the champion survives the crash");
    }

    @Test
    void anExecutionStoppedDuringTrainingCompletesAfterTheRestart() throws Exception {
        String model = PipelineUser.model("resumed-training");
        Execution execution = user.awaitFinished(restartWhileTraining(model));
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        assertEquals("DEPLOYED", execution.output().path("status").asText());
        assertEquals(1, user.trainingJobs(model).size(), "the job submitted before the restart, not a second one");
        // The twin resumes a top-level state from its top, so its history shows Train entered again after the
        // restart (AWS, which never restarts, shows it once); the resumed task polled the job it had submitted.
        assertEquals(2, user.statesEntered(execution.arn()).stream().filter("Train"::equals).count(),
                "Train entered before the restart and once more when resumed");
    }
}
