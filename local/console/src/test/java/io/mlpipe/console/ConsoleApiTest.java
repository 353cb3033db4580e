package io.mlpipe.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's JSON API over HTTP, on the shared twin after the real pipeline ran twice from dropped
 * CSVs: one run deployed a model (and served a prediction), one was refused by preprocess.
 */
class ConsoleApiTest {
    private static PipelineRuns.Runs runs;

    @BeforeAll
    static void runThePipeline() {
        runs = PipelineRuns.get();
    }

    private static List<String> arns(JsonNode executions) {
        List<String> arns = new ArrayList<>();
        executions.path("executions").forEach(e -> arns.add(e.path("executionArn").asText()));
        return arns;
    }

    private static JsonNode execution(String arn) throws Exception {
        return ConsoleHttp.api("execution?arn=" + ConsoleHttp.encode(arn));
    }

    @Test
    void executionsAreListedNewestFirstWithStatusModelAndDuration() throws Exception {
        JsonNode all = ConsoleHttp.api("executions");
        List<String> arns = arns(all);
        assertTrue(arns.indexOf(runs.failedArn()) >= 0 && arns.indexOf(runs.failedArn()) < arns.indexOf(runs.deployedArn()), arns.toString());
        JsonNode deployed = all.path("executions").get(arns.indexOf(runs.deployedArn()));
        assertEquals("SUCCEEDED", deployed.path("status").asText());
        assertEquals(PipelineRuns.MODEL, deployed.path("model").asText());
        assertTrue(deployed.path("durationMs").asLong() > 0);
        assertEquals(SharedTwin.get().info().stateMachineArn(), deployed.path("stateMachineArn").asText());
        assertEquals(List.of(PipelineRuns.MODEL), List.of(all.path("models").get(0).asText()));
    }

    @Test
    void executionsAreFilteredByStatusAndByModel() throws Exception {
        List<String> failed = arns(ConsoleHttp.api("executions?status=FAILED"));
        assertTrue(failed.contains(runs.failedArn()));
        assertFalse(failed.contains(runs.deployedArn()));
        assertTrue(arns(ConsoleHttp.api("executions?model=churn")).containsAll(List.of(runs.deployedArn(), runs.rejectedArn(), runs.failedArn())));
        assertEquals(List.of(), arns(ConsoleHttp.api("executions?model=nosuchmodel")));
        // the rejected run ends in a Succeed state too, and is the newer one
        assertEquals(List.of(runs.rejectedArn()), arns(ConsoleHttp.api("executions?status=SUCCEEDED&model=churn&limit=1")));
        HttpResponse<String> bad = ConsoleHttp.get("api/executions?status=SOMETIMES");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown status SOMETIMES"), bad.body());
    }

    @Test
    void aDeployedExecutionShowsTheStatesItRanAndTheOnesItDidNot() throws Exception {
        JsonNode view = execution(runs.deployedArn());
        assertEquals("SUCCEEDED", view.path("execution").path("status").asText());
        assertEquals(PipelineRuns.MODEL, view.path("execution").path("model").asText());
        JsonNode states = view.path("states");
        for (String name : List.of("NormaliseInput", "Preprocess", "Train", "Gate", "CreateEndpoint", "SetChampion", "Deployed")) {
            assertEquals("succeeded", states.path(name).path("status").asText(), name);
        }
        assertFalse(states.has("RejectModelPackage"), "the gate deployed: the reject path did not run");
        assertFalse(states.has("RecordFailure"));
        assertTrue(states.path("WaitForEndpoint").path("visits").asInt() >= 1);
        assertTrue(states.path("NormaliseInput").path("input").asText().contains("incoming/churn/good.csv"),
                states.path("NormaliseInput").toString());
        JsonNode train = states.path("Train");
        assertTrue(train.path("input").asText().startsWith("{") && train.path("output").asText().startsWith("{"), train.toString());
        assertFalse(java.time.Instant.parse(train.path("exitedAt").asText()).isBefore(java.time.Instant.parse(train.path("enteredAt").asText())));
    }

    @Test
    void theHistoryRowsNameTheStateEachEventHappenedIn() throws Exception {
        JsonNode events = execution(runs.deployedArn()).path("events");
        assertEquals("ExecutionStarted", events.get(0).path("type").asText());
        assertTrue(events.get(0).path("state").isNull());
        Set<String> trainEvents = new HashSet<>();
        long previousId = 0;
        for (JsonNode event : events) {
            assertEquals(previousId + 1, event.path("id").asLong(), "ids are consecutive");
            previousId = event.path("id").asLong();
            assertFalse(event.path("timestamp").asText().isEmpty());
            if (event.path("state").asText().equals("Train")) {
                trainEvents.add(event.path("type").asText());
            }
        }
        assertTrue(trainEvents.containsAll(List.of("TaskStateEntered", "TaskScheduled", "TaskSucceeded", "TaskStateExited")), trainEvents.toString());
        assertEquals("ExecutionSucceeded", events.get(events.size() - 1).path("type").asText());
    }

    @Test
    void aRejectedVersionTookTheRejectPathAndLeftTheEndpointAlone() throws Exception {
        JsonNode states = execution(runs.rejectedArn()).path("states");
        for (String name : List.of("Gate", "RejectModelPackage", "RecordRunRejected", "Rejected")) {
            assertEquals("succeeded", states.path(name).path("status").asText(), name);
        }
        assertFalse(states.has("CreateModel"));
        assertFalse(states.has("WaitForEndpoint"));
    }

    @Test
    void aRefusedDropIsCaughtInPreprocessAndFailsAtTheFailState() throws Exception {
        JsonNode view = execution(runs.failedArn());
        assertEquals("FAILED", view.path("execution").path("status").asText());
        JsonNode states = view.path("states");
        JsonNode preprocess = states.path("Preprocess");
        assertEquals("caught", preprocess.path("status").asText());
        assertEquals("io.mlpipe.tasks.preprocess.DataValidationError", preprocess.path("error").asText());
        assertTrue(preprocess.path("cause").asText().contains("at least 20 are needed"), preprocess.path("cause").asText());
        assertEquals("succeeded", states.path("RecordFailure").path("status").asText());
        assertEquals("failed", states.path("Failed").path("status").asText());
        assertFalse(states.has("Train"));
    }

    @Test
    void unknownOrMissingExecutionsAreClientErrors() throws Exception {
        String unknown = runs.deployedArn().substring(0, runs.deployedArn().lastIndexOf(':')) + ":no-such-execution";
        HttpResponse<String> missing = ConsoleHttp.get("api/execution?arn=" + ConsoleHttp.encode(unknown));
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("ExecutionDoesNotExist"), missing.body());
        assertEquals(400, ConsoleHttp.get("api/execution").statusCode());
    }

    @Test
    void theGraphPlacesEveryStateOfTheDeployedStateMachine() throws Exception {
        JsonNode graph = ConsoleHttp.api("graph?stateMachineArn=" + ConsoleHttp.encode(SharedTwin.get().info().stateMachineArn()));
        Set<String> names = new HashSet<>();
        graph.path("nodes").forEach(n -> names.add(n.path("name").asText()));
        assertTrue(names.containsAll(List.of("NormaliseInput", "Gate", "WaitForEndpoint", "RecordFailure", "Deployed", "Rejected", "Failed")));
        assertEquals("NormaliseInput", graph.path("startAt").asText());
        assertTrue(graph.path("width").asDouble() > 0 && graph.path("height").asDouble() > 0);
        boolean loop = false;
        for (JsonNode edge : graph.path("edges")) {
            loop |= edge.path("back").asBoolean() && edge.path("to").asText().equals("WaitForEndpoint");
        }
        assertTrue(loop, "the endpoint wait loop is drawn as a loop");
    }

    @Test
    void modelsShowVersionsApprovalChampionAndGateDecisions() throws Exception {
        JsonNode model = ConsoleHttp.api("models").path("models").get(0);
        assertEquals(PipelineRuns.MODEL, model.path("model").asText());
        assertEquals("000001", model.path("champion").path("championVersion").asText(), "the rejected version did not replace it");
        List<String> versions = new ArrayList<>();
        List<String> approvals = new ArrayList<>();
        model.path("versions").forEach(v -> {
            versions.add(v.path("version").asText());
            approvals.add(v.path("approval").asText());
            assertTrue(v.path("metricValue").isNumber());
        });
        assertEquals(List.of("000001", "000002"), versions);
        assertEquals(List.of("Approved", "Rejected"), approvals, "approval as the model registry has it");
        assertEquals(2, model.path("packages").size());
        assertEquals("DEPLOY", run(model, runs.deployedArn()).path("decision").asText());
        JsonNode rejected = run(model, runs.rejectedArn());
        assertEquals("REJECT", rejected.path("decision").asText());
        assertEquals("REJECTED", rejected.path("status").asText());
        assertTrue(rejected.path("reason").asText().contains("threshold"), rejected.path("reason").asText());
        assertEquals("FAILED", run(model, runs.failedArn()).path("status").asText());
    }

    private static JsonNode run(JsonNode model, String executionArn) {
        for (JsonNode run : model.path("runs")) {
            if (run.path("executionArn").asText().equals(executionArn)) {
                return run;
            }
        }
        throw new AssertionError("no run of " + executionArn + " in " + model.path("runs"));
    }

    @Test
    void predictionsListTheInferenceLogNewestFirst() throws Exception {
        JsonNode all = ConsoleHttp.api("predictions");
        assertTrue(all.path("predictions").size() >= 1, all.toString());
        JsonNode entry = all.path("predictions").get(0);
        assertEquals(PipelineRuns.MODEL, entry.path("model").asText());
        assertEquals("000001", entry.path("version").asText());
        assertEquals(all.path("predictions"), ConsoleHttp.api("predictions?model=churn").path("predictions"));
        assertEquals(0, ConsoleHttp.api("predictions?model=other").path("predictions").size());
    }

    @Test
    void pagesAreServedAndTheBarePathRedirects() throws Exception {
        HttpResponse<String> index = ConsoleHttp.get("");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<title>Executions"));
        for (String file : List.of("execution.html", "models.html", "predictions.html", "console.css", "console.js", "graph.js")) {
            assertEquals(200, ConsoleHttp.get(file).statusCode(), file);
        }
        assertEquals(404, ConsoleHttp.get("nosuch.html").statusCode());
        assertEquals(404, ConsoleHttp.get("api/nosuch").statusCode());
        HttpResponse<String> bare = ConsoleHttp.get("/_mlpipe/console");
        assertEquals(308, bare.statusCode());
        assertEquals(ConsolePlugin.PATH, bare.headers().firstValue("Location").orElse(""));
    }
}
