package io.mlpipe.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State statuses and event rows from histories shaped as GetExecutionHistory answers them. */
class ExecutionViewTest {
    private final List<JsonNode> history = new ArrayList<>();

    /** Appends an event after the previous one; details go under the AWS details key for the type. */
    private ExecutionViewTest event(String type, String... details) {
        ObjectNode event = SdkJson.MAPPER.createObjectNode();
        event.put("id", history.size() + 1);
        event.put("previousEventId", history.size());
        event.put("type", type);
        event.put("timestamp", "2026-11-26T06:00:" + String.format("%02d", history.size()) + "Z");
        String key = type.endsWith("StateEntered") ? "stateEnteredEventDetails" : type.endsWith("StateExited") ? "stateExitedEventDetails"
                : Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
        ObjectNode d = event.putObject(key);
        for (int i = 0; i + 1 < details.length; i += 2) {
            d.put(details[i], details[i + 1]);
        }
        history.add(event);
        return this;
    }

    private JsonNode states() {
        return ExecutionView.of(history).path("states");
    }

    @Test
    void aRetriedTaskThatThenSucceedsIsSucceededNotCaught() {
        event("ExecutionStarted", "input", "{}")
                .event("TaskStateEntered", "name", "Call", "input", "{\"a\":1}")
                .event("TaskScheduled").event("TaskStarted").event("TaskFailed", "error", "Throttled", "cause", "slow down")
                .event("TaskScheduled").event("TaskStarted").event("TaskSucceeded", "output", "{}")
                .event("TaskStateExited", "name", "Call", "output", "{\"b\":2}")
                .event("ExecutionSucceeded", "output", "{\"b\":2}");
        JsonNode call = states().path("Call");
        assertEquals("succeeded", call.path("status").asText());
        assertEquals(1, call.path("retries").asInt());
        assertFalse(call.has("error"), "the retried error is over");
        assertEquals("{\"a\":1}", call.path("input").asText());
        assertEquals("{\"b\":2}", call.path("output").asText());
    }

    @Test
    void anErrorLeftThroughACatchIsCaughtWithItsErrorAndCause() {
        event("ExecutionStarted")
                .event("TaskStateEntered", "name", "Call", "input", "{}")
                .event("TaskScheduled").event("TaskFailed", "error", "DataValidationError", "cause", "row 3")
                .event("TaskStateExited", "name", "Call", "output", "{\"Error\":\"DataValidationError\"}")
                .event("PassStateEntered", "name", "Handle", "input", "{}");
        JsonNode states = states();
        assertEquals("caught", states.path("Call").path("status").asText());
        assertEquals("DataValidationError", states.path("Call").path("error").asText());
        assertEquals("row 3", states.path("Call").path("cause").asText());
        assertEquals("running", states.path("Handle").path("status").asText());
    }

    @Test
    void theStateAnExecutionEndsInIsFailedWithTheExecutionsError() {
        event("ExecutionStarted")
                .event("FailStateEntered", "name", "Failed", "input", "{}")
                .event("ExecutionFailed", "error", "PipelineFailed", "cause", "see the run");
        JsonNode failed = states().path("Failed");
        assertEquals("failed", failed.path("status").asText());
        assertEquals("PipelineFailed", failed.path("error").asText());
        assertEquals("see the run", failed.path("cause").asText());
    }

    @Test
    void anUncaughtTaskErrorFailsTheTaskWithItsOwnError() {
        event("ExecutionStarted")
                .event("TaskStateEntered", "name", "Call", "input", "{}")
                .event("TaskScheduled").event("TaskFailed", "error", "States.TaskFailed", "cause", "boom")
                .event("ExecutionFailed", "error", "States.TaskFailed", "cause", "boom (execution)");
        JsonNode call = states().path("Call");
        assertEquals("failed", call.path("status").asText());
        assertEquals("boom", call.path("cause").asText());
    }

    @Test
    void aLoopCountsVisitsAndKeepsTheLastOne() {
        event("ExecutionStarted")
                .event("WaitStateEntered", "name", "Wait", "input", "{\"n\":1}").event("WaitStateExited", "name", "Wait", "output", "{}")
                .event("WaitStateEntered", "name", "Wait", "input", "{\"n\":2}");
        JsonNode wait = states().path("Wait");
        assertEquals("running", wait.path("status").asText());
        assertEquals(2, wait.path("visits").asInt());
        assertEquals("{\"n\":2}", wait.path("input").asText());
        assertFalse(wait.has("output"), "the running visit has no output yet");
    }

    @Test
    void eachRowNamesTheStateItHappenedInAndNoneBetweenStates() {
        event("ExecutionStarted")
                .event("TaskStateEntered", "name", "Call").event("TaskScheduled")
                .event("TaskStateExited", "name", "Call")
                .event("ExecutionSucceeded");
        List<String> states = new ArrayList<>();
        ExecutionView.of(history).path("events").forEach(row -> states.add(row.path("state").isNull() ? "-" : row.path("state").asText()));
        assertEquals(List.of("-", "Call", "Call", "Call", "-"), states);
        JsonNode row = ExecutionView.of(history).path("events").get(1);
        assertEquals("TaskStateEntered", row.path("type").asText());
        assertEquals("Call", row.path("details").path("name").asText());
        assertTrue(row.path("timestamp").asText().startsWith("2026-11-26T06:00:"));
    }
}
