package io.mlpipe.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetExecutionHistory's events: AWS's types, sequential ids, previousEventId links and detail fields. */
class ExecutionHistoryTest {

    static List<HistoryEvent> history(String def, String input, ScriptedIntegration services) {
        List<HistoryEvent> seen = new ArrayList<>();
        Execution ex = Asl.engine(services).runToEnd(StateMachineDefinition.parse(def), ExecutionRequest.of("h", Asl.json(input)), seen::add);
        assertEquals(ex.history(), seen, "the listener sees every event, in order");
        return ex.history();
    }

    static List<String> types(List<HistoryEvent> h) { return h.stream().map(HistoryEvent::type).toList(); }

    @Test
    void passTaskSucceedHasAwsEventSequenceAndDetails() {
        ScriptedIntegration services = new ScriptedIntegration(Asl.json("{\"arn:aws:states:::lambda:invoke\":{\"output\":{\"Payload\":1}}}"));
        List<HistoryEvent> h = history("""
            {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Next":"S"},
              "S":{"Type":"Succeed"}}}""", "{\"a\":1}", services);
        assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"), types(h));
        for (int i = 0; i < h.size(); i++) {
            assertEquals(i + 1, h.get(i).id());
            assertEquals(i, h.get(i).previousEventId());
        }
        ObjectNode started = h.get(0).toJson();
        assertEquals("{\"a\":1}", started.get("executionStartedEventDetails").get("input").asText());
        assertEquals("arn:aws:iam::000000000000:role/local", started.get("executionStartedEventDetails").get("roleArn").asText());
        ObjectNode entered = h.get(1).toJson();
        assertEquals("P", entered.get("stateEnteredEventDetails").get("name").asText());
        assertEquals(false, entered.get("stateEnteredEventDetails").get("inputDetails").get("truncated").asBoolean());
        ObjectNode scheduled = h.get(4).toJson().with("taskScheduledEventDetails");
        assertEquals("lambda", scheduled.get("resourceType").asText());
        assertEquals("invoke", scheduled.get("resource").asText());
        assertEquals("{\"FunctionName\":\"f\"}", scheduled.get("parameters").asText());
        assertEquals("{\"Payload\":1}", h.get(6).toJson().get("taskSucceededEventDetails").get("output").asText());
        assertEquals("{\"Payload\":1}", h.get(10).toJson().get("executionSucceededEventDetails").get("output").asText());
        assertEquals(1_700_000_000d, h.get(0).toJson().get("timestamp").asDouble());
    }

    @Test
    void failedTaskAndFailedExecutionCarryErrorAndCause() {
        ScriptedIntegration services = new ScriptedIntegration(Asl.json("{\"arn:aws:states:::lambda:invoke\":{\"error\":\"DataValidationError\",\"cause\":\"row 3\"}}"));
        List<HistoryEvent> h = history("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}""", "{}", services);
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed"), types(h));
        assertEquals("DataValidationError", h.get(4).details().get("error").asText());
        assertEquals("row 3", h.get(5).toJson().get("executionFailedEventDetails").get("cause").asText());
    }

    @Test
    void failStateHasNoExitedEvent() {
        List<HistoryEvent> h = history("""
            {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}""", "{}", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "FailStateEntered", "ExecutionFailed"), types(h));
    }

    @Test
    void lambdaFunctionArnUsesLambdaFunctionEvents() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        List<HistoryEvent> h = history("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(arn), "{\"x\":1}", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded"), types(h));
        assertEquals("{\"x\":1}", h.get(2).toJson().get("lambdaFunctionScheduledEventDetails").get("input").asText());
    }

    @Test
    void mapEventsNameTheStateAndIndex() {
        List<HistoryEvent> h = history("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "[10, 20]", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"), types(h));
        assertEquals(2, h.get(2).toJson().get("mapStateStartedEventDetails").get("length").asInt());
        assertEquals(Json.parse("{\"name\":\"M\",\"index\":1}"), h.get(7).toJson().get("mapIterationStartedEventDetails"));
        assertEquals(3, h.get(3).previousEventId(), "an iteration starts after MapStateStarted");
        assertEquals(4, h.get(4).previousEventId());
    }

    @Test
    void distributedMapRecordsItsMapRunNotTheChildExecutions() {
        List<HistoryEvent> h = history("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""", "[10, 20]", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"), types(h));
        assertEquals("arn:aws:states:us-east-1:000000000000:mapRun:local/M:00000000-0000-4000-8000-000000000001",
                h.get(3).toJson().get("mapRunStartedEventDetails").get("mapRunArn").asText());
        for (int i = 0; i < h.size(); i++) assertEquals(i, h.get(i).previousEventId(), "the parent's events stay linked in order");
    }

    @Test
    void eachChildExecutionHasItsOwnHistoryForTheHost() {
        Map<String, List<HistoryEvent>> children = new ConcurrentHashMap<>();
        Map<String, ExecutionResult> results = new ConcurrentHashMap<>();
        ExecutionListener parent = new ExecutionListener() {
            public void onEvent(HistoryEvent e) {}

            public ExecutionListener onChildExecution(io.mlpipe.engine.runtime.ChildExecution child) {
                List<HistoryEvent> events = new ArrayList<>();
                children.put(child.name(), events);
                assertEquals("arn:aws:states:us-east-1:000000000000:mapRun:local/M:00000000-0000-4000-8000-000000000001", child.mapRunArn());
                return new ExecutionListener() {
                    public void onEvent(HistoryEvent e) { events.add(e); }

                    public void onFinished(ExecutionResult r) { results.put(child.name(), r); }
                };
            }
        };
        Asl.engine(new ScriptedIntegration(null)).runToEnd(StateMachineDefinition.parse("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":1,"Next":"P"}],"Default":"F"},
                "P":{"Type":"Pass","End":true},"F":{"Type":"Fail","Error":"Bad","Cause":"not one"}}},"End":true}}}"""),
                ExecutionRequest.of("children", Json.parse("[1, 2]")), parent);
        String ok = "00000000-0000-4000-8000-000000000002", bad = "00000000-0000-4000-8000-000000000003";
        assertEquals(List.of("ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                types(children.get(ok)));
        assertEquals(List.of("ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "FailStateEntered", "ExecutionFailed"), types(children.get(bad)));
        for (int i = 0; i < children.get(ok).size(); i++) assertEquals(i + 1, children.get(ok).get(i).id(), "a child's event ids start at 1");
        assertEquals("1", children.get(ok).get(0).toJson().get("executionStartedEventDetails").get("input").asText());
        assertEquals(ExecutionStatus.SUCCEEDED, results.get(ok).status());
        assertEquals(Json.parse("1"), results.get(ok).output());
        assertEquals("Bad", results.get(bad).error());
        assertEquals("not one", children.get(bad).get(4).toJson().get("executionFailedEventDetails").get("cause").asText());
    }

    @Test
    void failedMapRunCarriesTheThresholdError() {
        List<HistoryEvent> h = history("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
              "StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad"}}},"End":true}}}""", "[1]", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed",
                "MapStateFailed", "ExecutionFailed"), types(h));
        assertEquals("States.ExceedToleratedFailureThreshold", h.get(4).toJson().get("mapRunFailedEventDetails").get("error").asText());
    }

    @Test
    void parallelEvents() {
        List<HistoryEvent> h = history("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],"End":true}}}""",
                "{}", new ScriptedIntegration(null));
        assertEquals(List.of("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited",
                "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"), types(h));
    }

    @Test
    void assignedVariablesAppearInStateExited() {
        List<HistoryEvent> h = history("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x":{"k":1}},"End":true}}}""", "{}", new ScriptedIntegration(null));
        ObjectNode exited = h.get(2).toJson().with("stateExitedEventDetails");
        assertEquals("{\"k\":1}", exited.get("assignedVariables").get("x").asText());
        assertTrue(exited.has("assignedVariablesDetails"));
    }
}
