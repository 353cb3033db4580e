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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Stopping the twin in the middle of an execution and starting it on the same data directory loses nothing. */
class RestartTest extends PipelineScenario {

    @Test
    void aRestartInTheMiddleOfAnExecutionLosesNothing() throws Exception {
        assumeTrue(user.pipeline.restartable(), "only the local twin can be stopped and started again");
        String deployed = PipelineUser.model("before-restart");
        Dataset deployedData = Dataset.of(Kind.BINARY, 101, 300, 50, 0.3);
        Execution earlier = user.awaitExecution(user.drop(deployed, "data.csv", deployedData.csv()));
        assertEquals("DEPLOYED", earlier.output().path("status").asText());
        Response before = user.predict(deployed, deployedData.heldOutFeatures());
        List<String> earlierHistory = user.statesEntered(earlier.arn());

        String model = PipelineUser.model("across-restart");
        String key = user.drop(model, "data.csv", Dataset.of(Kind.MULTICLASS, 102, 2000, 10, 0.3).csv());
        String arn = user.await("the execution to reach training", () -> user.executions(key).stream()
                .filter(e -> user.statesEntered(e.arn()).contains("Train")).findFirst()).arn();
        assertEquals(ExecutionStatus.RUNNING, user.describe(arn).status(), "still running when the twin stops");

        user.restart();

        Execution execution = user.awaitFinished(arn);
        assertTrue(execution.status() == ExecutionStatus.SUCCEEDED
                || (execution.status() == ExecutionStatus.FAILED && !execution.error().isBlank() && !execution.cause().isBlank()),
                "completes, or fails with a clear error: " + execution);
        Map<String, AttributeValue> run = user.run(model, arn);
        assertFalse("RUNNING".equals(s(run, "status")), "the run is decided: " + run);
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            assertEquals("DEPLOYED", s(run, "status"));
            assertEquals(200, user.predict(model, List.of(Map.of("x1", 0.1, "x2", 0.2, "x3", 0.3, "color", "red"))).status());
        }
        List<String> history = user.statesEntered(arn);
        assertEquals("NormaliseInput", history.get(0), "the history from before the restart is kept: " + history);

        // what existed before the restart is all still there
        assertEquals(earlierHistory, user.statesEntered(earlier.arn()));
        assertTrue(user.clients().s3().headObject(r -> r.bucket(user.pipeline.bucket()).key(key)).contentLength() > 0);
        assertEquals(Optional.of("DEPLOYED"), Optional.ofNullable(s(user.run(deployed, earlier.arn()), "status")));
        assertEquals("InService", user.endpointStatus(deployed));
        assertEquals(before, user.predict(deployed, deployedData.heldOutFeatures()), "the champion answers as before");
    }
}
