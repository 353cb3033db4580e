package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** StartExecution with {"bucket","key"} retrains from an object already in the bucket. */
class ManualRerunTest extends PipelineScenario {

    @Test
    void aManualStartExecutionRetrainsFromAnExistingObject() throws Exception {
        String model = PipelineUser.model("rerun");
        String key = user.drop(model, "data.csv", Dataset.of(Kind.REGRESSION, 41, 300, 10, 0.3).csv());
        Execution first = user.awaitExecution(key);
        assertEquals("DEPLOYED", first.output().path("status").asText(), String.valueOf(first.output()));

        String input = PipelineUser.JSON.writeValueAsString(Map.of("bucket", user.pipeline.bucket(), "key", key));
        Execution rerun = user.awaitFinished(user.startExecution("rerun-" + model, input));

        assertEquals(ExecutionStatus.SUCCEEDED, rerun.status(), rerun.error() + ": " + rerun.cause());
        String status = rerun.output().path("status").asText();
        assertTrue(List.of("DEPLOYED", "REJECTED").contains(status), "the re-run was trained and gated: " + rerun.output());
        assertEquals(2, user.trainingJobs(model).size(), "a second training job");
        Map<String, AttributeValue> run = user.run(model, rerun.arn());
        assertEquals(key, s(run, "key"));
        assertEquals(status, s(run, "status"));
        assertNotEquals(s(user.run(model, first.arn()), "runId"), s(run, "runId"), "a run of its own");
        assertEquals(2, user.versions(model).size(), "two registered versions");
    }
}
