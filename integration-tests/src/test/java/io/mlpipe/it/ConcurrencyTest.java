package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import io.mlpipe.it.PipelineUser.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Many drops at once: every run is recorded and decided, and each model ends with exactly one serving champion. */
class ConcurrencyTest extends PipelineScenario {

    @Test
    void severalModelsDroppedAtOnceAreAllTrainedAndDeployed() {
        List<String> models = new ArrayList<>();
        List<Dataset> datasets = new ArrayList<>();
        List<CompletableFuture<String>> drops = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            String model = PipelineUser.model("parallel-" + kind.name().toLowerCase());
            Dataset data = Dataset.of(kind, 51 + kind.ordinal(), 300, 50, 0.3);
            models.add(model);
            datasets.add(data);
            drops.add(CompletableFuture.supplyAsync(() -> user.drop(model, "data.csv", data.csv())));
        }
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            Execution execution = user.awaitExecution(drops.get(i).join());
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), model + ": " + execution.error() + ": " + execution.cause());
            assertEquals("DEPLOYED", execution.output().path("status").asText());
            assertConsistent(model, 1);
            Response response = user.predict(model, datasets.get(i).heldOutFeatures());
            assertEquals(200, response.status(), model + ": " + response.body());
        }
    }

    @Test
    void severalDropsOfOneModelInQuickSuccessionAreAllRegisteredGatedAndRecorded() {
        String model = PipelineUser.model("succession-all");
        Execution first = user.awaitExecution(user.drop(model, "first.csv", Dataset.of(Kind.BINARY, 60, 300, 10, 1.0).csv()));
        assertEquals("DEPLOYED", first.output().path("status").asText(), first.toString());
        dropInQuickSuccession(model, 3).forEach(execution -> assertEquals(ExecutionStatus.SUCCEEDED, execution.status(),
                execution.error() + ": " + execution.cause()));
        assertConsistent(model, 4);
    }

    @Test
    void theFirstDropsOfANewModelInQuickSuccessionAreAllRegisteredAndGated() {
        String model = PipelineUser.model("new-succession");
        dropInQuickSuccession(model, 3).forEach(execution -> assertEquals(ExecutionStatus.SUCCEEDED, execution.status(),
                execution.error() + ": " + execution.cause()));
        assertConsistent(model, 3);
    }

    /** Drops without waiting in between, then waits for every run to finish. */
    private List<Execution> dropInQuickSuccession(String model, int drops) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < drops; i++) {
            keys.add(user.drop(model, "drop-" + i + ".csv", Dataset.of(Kind.BINARY, 61 + i, 300, 10, 0.2 + 0.3 * i).csv()));
        }
        return keys.stream().map(user::awaitExecution).toList();
    }

    /** Exactly one champion, a deployed run's version, and the endpoint serves that run's model. */
    private void assertChampionIsServed(String model) {
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        Map<String, AttributeValue> championRun = user.runs(model).stream()
                .filter(run -> s(champion, "championVersion").equals(s(run, "modelVersion"))).findFirst().orElseThrow();
        assertEquals("DEPLOYED", s(championRun, "status"));
        assertEquals("InService", user.endpointStatus(model));
        assertEquals(s(championRun, "trainingJobName"), user.endpointConfig(model),
                "the endpoint serves the champion's model, not another run's");
        Response response = user.predict(model, List.of(Map.of("x1", 1.0, "x2", -1.0, "x3", 0.5, "color", "red")));
        assertEquals(200, response.status(), String.valueOf(response.body()));
        assertEquals(s(champion, "championVersion"), response.body().path("version").asText());
    }

    /** Runs and versions all recorded; one champion, the best approved version, served by the endpoint. */
    private void assertConsistent(String model, int drops) {
        List<Map<String, AttributeValue>> runs = user.runs(model);
        assertEquals(drops, runs.size(), "one run per drop: " + runs);
        runs.forEach(run -> assertTrue(List.of("DEPLOYED", "REJECTED").contains(s(run, "status")), "decided: " + run));
        List<Map<String, AttributeValue>> versions = user.versions(model);
        assertEquals(drops, versions.size(), "one registered version per run: " + versions);
        assertChampionIsServed(model);
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        double best = versions.stream().filter(v -> "Approved".equals(s(v, "approval")))
                .mapToDouble(v -> Double.parseDouble(s(v, "metricValue"))).max().orElseThrow();
        assertEquals(best, Double.parseDouble(s(champion, "metricValue")), 1e-9,
                "the champion is the best approved version (auc, maximised): " + versions);
    }
}
