package io.mlpipe.engine;

import io.mlpipe.engine.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * StopExecution in the middle of a state that takes time records AWS's TaskStateAborted,
 * WaitStateAborted, MapStateAborted (with MapIterationAborted / MapRunAborted) and
 * ParallelStateAborted before ExecutionAborted; a branch cancelled because a sibling failed is not
 * "aborted" by StopExecution and records none of them.
 */
class StopExecutionRecordsAbortedStatesTest {
    static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";
    static final String WAIT_V = "{\"StartAt\":\"V\",\"States\":{\"V\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";
    static final String PROCESSOR = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";
    static final String DISTRIBUTED = "{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a callback Task", """
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                      "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""", "TaskSubmitted", 1,
                        List.of("TaskSubmitted", "TaskStateAborted", "ExecutionAborted")),
                Arguments.of("a Wait state", WAIT, "WaitStateEntered", 1, List.of("WaitStateEntered", "WaitStateAborted", "ExecutionAborted")),
                Arguments.of("an inline Map", "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":" + PROCESSOR + ",\"End\":true}}}",
                        "WaitStateEntered", 2, List.of("MapIterationAborted", "MapStateAborted", "ExecutionAborted")),
                Arguments.of("a Parallel state", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":[" + WAIT + "," + WAIT_V + "],\"End\":true}}}",
                        "WaitStateEntered", 2, List.of("WaitStateAborted", "ParallelStateAborted", "ExecutionAborted")),
                Arguments.of("a Distributed Map", "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":" + DISTRIBUTED + ",\"End\":true}}}",
                        "MapRunStarted", 1, List.of("MapRunStarted", "MapRunAborted", "MapStateAborted", "ExecutionAborted")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stopRecordsTheAbortedState(String name, String definition, String waitFor, int count, List<String> tail) throws Exception {
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(new ScriptedIntegration(null)));
        Execution ex = engine.start(StateMachineDefinition.parse(definition), ExecutionRequest.of("stop", Json.parse("[1, 2]")), ExecutionListener.NONE);
        long until = System.currentTimeMillis() + 5000;
        while (ex.history().stream().filter(e -> e.type().equals(waitFor)).count() < count) {
            if (System.currentTimeMillis() > until) fail("never reached " + waitFor + ": " + types(ex));
            Thread.sleep(5);
        }
        Thread.sleep(50);
        ex.stop("Operator", "stopped");
        assertEquals(ExecutionStatus.ABORTED, ex.await(5, TimeUnit.SECONDS).status());
        List<String> types = types(ex);
        assertEquals(tail, types.subList(types.size() - tail.size(), types.size()), () -> "history: " + types);
        for (int i = 0; i < ex.history().size(); i++) assertEquals(i + 1, ex.history().get(i).id());
    }

    @Test
    void aBranchCancelledByAFailingSiblingRecordsNoAbortedState() {
        AslEngine engine = new AslEngine(EngineConfig.defaults());
        Execution ex = engine.runToEnd(StateMachineDefinition.parse("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}},
              {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}]}}}"""), ExecutionRequest.of("sib", Json.object()), ExecutionListener.NONE);
        assertEquals("Boom", ex.result().error());
        assertTrue(types(ex).stream().noneMatch(t -> t.endsWith("StateAborted")), () -> "history: " + types(ex));
    }

    static List<String> types(Execution ex) { return ex.history().stream().map(HistoryEvent::type).toList(); }
}
