package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import io.mlpipe.it.PipelineUser.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The metric gate: a worse model never replaces the champion, a better one does. */
class GateTest extends PipelineScenario {

    /** Drops a CSV and waits for its run; returns the finished execution, which must have succeeded. */
    private Execution dropAndAwait(String model, String file, Dataset data) {
        Execution execution = user.awaitExecution(user.drop(model, file, data.csv()));
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.error() + ": " + execution.cause());
        return execution;
    }

    @Test
    void aWorseModelIsRejectedAndTheChampionItsEndpointAndItsPredictionsStay() {
        String model = PipelineUser.model("gate-worse");
        Dataset data = Dataset.of(Kind.BINARY, 11, 400, 100, 0.3);
        assertEquals("DEPLOYED", dropAndAwait(model, "good.csv", data).output().path("status").asText());
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        String config = user.endpointConfig(model);
        Response before = user.predict(model, data.heldOutFeatures());
        assertEquals(200, before.status(), String.valueOf(before.body()));

        Execution worse = dropAndAwait(model, "shuffled.csv", data.shuffledTargets(3));

        assertEquals("REJECTED", worse.output().path("status").asText(), worse.output().toString());
        Map<String, AttributeValue> run = user.run(model, worse.arn());
        assertEquals("REJECTED", s(run, "status"));
        assertEquals("REJECT", s(run, "decision"));
        String reason = s(run, "reason");
        assertTrue(reason != null && reason.startsWith("auc ")
                && (reason.contains("below the threshold") || reason.contains("does not beat the champion")), reason);
        assertEquals(champion, user.champion(model).orElseThrow(), "the champion pointer is unchanged");
        assertEquals(config, user.endpointConfig(model), "the endpoint still serves the champion's configuration");
        assertEquals("InService", user.endpointStatus(model));
        Response after = user.predict(model, data.heldOutFeatures());
        assertEquals(before, after, "the same predictions from the same version");
        assertEquals("Rejected", s(user.versions(model).stream()
                .filter(v -> s(run, "modelVersion").equals(s(v, "version"))).findFirst().orElseThrow(), "approval"));
    }

    @Test
    void aBetterModelReplacesTheChampion() {
        String model = PipelineUser.model("gate-better");
        Dataset noisy = Dataset.of(Kind.BINARY, 21, 400, 100, 2.0);
        Execution first = dropAndAwait(model, "noisy.csv", noisy);
        assertEquals("DEPLOYED", first.output().path("status").asText(), first.output().toString());
        Map<String, AttributeValue> oldChampion = user.champion(model).orElseThrow();

        Dataset clean = Dataset.of(Kind.BINARY, 22, 400, 100, 0.1);
        Execution better = dropAndAwait(model, "clean.csv", clean);

        assertEquals("DEPLOYED", better.output().path("status").asText(), better.output().toString());
        Map<String, AttributeValue> run = user.run(model, better.arn());
        assertTrue(s(run, "reason").contains("beats the champion"), s(run, "reason"));
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        assertNotEquals(s(oldChampion, "championVersion"), s(champion, "championVersion"));
        assertEquals(s(run, "modelVersion"), s(champion, "championVersion"));
        assertTrue(Double.parseDouble(s(champion, "metricValue")) > Double.parseDouble(s(oldChampion, "metricValue")));
        assertEquals(s(run, "trainingJobName"), user.endpointConfig(model), "the endpoint serves the new model");
        Response response = user.predict(model, clean.heldOutFeatures());
        assertEquals(200, response.status(), String.valueOf(response.body()));
        assertEquals(s(champion, "championVersion"), response.body().path("version").asText());
        assertTrue(Scores.accuracy(response.body().path("predictions"), clean.heldOutTargets()) >= 0.9);
    }
}
