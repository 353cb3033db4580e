package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.ServiceIntegration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StartExecution / StopExecution / machine TimeoutSeconds / resume after a restart / concurrency. */
class ExecutionLifecycleTest {

    static AslEngine realTime(ServiceIntegration integration, double scale) {
        return new AslEngine(EngineConfig.defaults().withIntegration(integration).withWaitScale(scale).withEntropy(Asl.fixedEntropy()));
    }

    @Test
    void stopAbortsAWaitingExecution() throws Exception {
        AslEngine engine = realTime(ServiceIntegration.none(), 1);
        Execution ex = engine.start(StateMachineDefinition.parse("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}"""), ExecutionRequest.of("s", Json.object()), ExecutionListener.NONE);
        Thread.sleep(30);
        assertEquals(ExecutionStatus.RUNNING, ex.status());
        ex.stop("Operator", "stopped by test");
        ExecutionResult r = ex.await(5, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.ABORTED, r.status());
        assertEquals("Operator", r.error());
        HistoryEvent last = ex.history().get(ex.history().size() - 1);
        assertEquals("ExecutionAborted", last.type());
        assertEquals("stopped by test", last.details().get("cause").asText());
    }

    @Test
    void stopAbortsEveryMapIteration() throws Exception {
        AslEngine engine = realTime(ServiceIntegration.none(), 1);
        Execution ex = engine.start(StateMachineDefinition.parse("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}},"End":true}}}"""),
                ExecutionRequest.of("s", Asl.json("[1,2,3]")), ExecutionListener.NONE);
        Thread.sleep(50);
        ex.stop(null, null);
        assertEquals(ExecutionStatus.ABORTED, ex.await(5, TimeUnit.SECONDS).status());
        assertEquals(3, ex.history().stream().filter(e -> e.type().equals("MapIterationAborted")).count());
    }

    @Test
    void machineTimeoutSecondsEndsWithExecutionTimedOut() throws Exception {
        AslEngine engine = realTime(ServiceIntegration.none(), 1);
        Execution ex = engine.start(StateMachineDefinition.parse("""
            {"TimeoutSeconds":1,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}"""), ExecutionRequest.of("t", Json.object()), ExecutionListener.NONE);
        ExecutionResult r = ex.await(10, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.TIMED_OUT, r.status());
        assertEquals("States.Timeout", r.error());
        assertEquals("ExecutionTimedOut", ex.history().get(ex.history().size() - 1).type());
    }

    @Test
    void waitScaleShortensWaits() {
        AslEngine engine = realTime(ServiceIntegration.none(), 0.001);
        long start = System.nanoTime();
        ExecutionResult r = engine.run(StateMachineDefinition.parse("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}"""), ExecutionRequest.of("w", Json.object()), ExecutionListener.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExecutionStatus.SUCCEEDED, r.status());
        assertTrue(millis >= 90 && millis < 2000, "100 s at scale 0.001 took " + millis + " ms");
    }

    /** Records checkpoints, as the twin would persist them. */
    static final class Recorder implements ExecutionListener {
        final List<HistoryEvent> events = new CopyOnWriteArrayList<>();
        final List<Checkpoint> checkpoints = new ArrayList<>();

        public void onEvent(HistoryEvent e) { events.add(e); }

        public boolean wantsCheckpoints() { return true; }

        public void onCheckpoint(Checkpoint c) { checkpoints.add(c); }
    }

    static final String THREE_STEPS = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"seen":"A"},"Result":1,"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
          "C":{"Type":"Pass","Parameters":{"a.$":"$.a","b.$":"$.b","seen.$":"$seen"},"End":true}}}""";

    @Test
    void resumeContinuesFromACheckpointWithTheSameOutcomeAndEventIds() throws Exception {
        StateMachineDefinition def = StateMachineDefinition.parse(THREE_STEPS);
        AslEngine engine = Asl.engine(ServiceIntegration.none());
        Recorder full = new Recorder();
        ExecutionResult expected = engine.run(def, ExecutionRequest.of("r", Json.object()), full);
        assertEquals(2, full.checkpoints.size());
        Checkpoint afterA = full.checkpoints.get(0);
        assertEquals("B", afterA.nextState());
        assertEquals(Asl.json("{\"seen\":\"A\"}"), Json.MAPPER.valueToTree(afterA.variables()));

        // "restart": a new engine continues from the checkpoint
        Recorder resumed = new Recorder();
        Execution ex = Asl.engine(ServiceIntegration.none()).resume(def, ExecutionRequest.of("r", Json.object()), ResumePoint.of(afterA), resumed);
        ExecutionResult r = ex.await(5, TimeUnit.SECONDS);
        assertEquals(expected.output(), r.output());
        assertEquals(afterA.lastEventId() + 1, resumed.events.get(0).id());
        assertEquals(afterA.lastEventId(), resumed.events.get(0).previousEventId());
        List<String> tail = full.events.subList((int) afterA.lastEventId(), full.events.size()).stream().map(HistoryEvent::type).toList();
        assertEquals(tail, resumed.events.stream().map(HistoryEvent::type).toList());
    }

    @Test
    void manyConcurrentExecutionsOfOneDefinition() throws Exception {
        StateMachineDefinition def = StateMachineDefinition.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"n.$":"$.n"},"Next":"W"},
              "W":{"Type":"Wait","Seconds":0,"End":true}}}""");
        AslEngine engine = realTime(new ScriptedIntegration(null), 0);
        List<Execution> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) runs.add(engine.start(def, ExecutionRequest.of("c" + i, Asl.json("{\"n\":" + i + "}")), ExecutionListener.NONE));
        for (int i = 0; i < runs.size(); i++) {
            ExecutionResult r = runs.get(i).await(10, TimeUnit.SECONDS);
            assertEquals(Asl.json("{\"n\":" + i + "}"), r.output());
        }
    }

    @Test
    void aFailingListenerStillEndsTheExecution() throws Exception {
        AslEngine engine = Asl.engine(ServiceIntegration.none());
        ExecutionListener broken = e -> { throw new IllegalStateException("disk full"); };
        Execution ex = engine.start(StateMachineDefinition.parse(THREE_STEPS), ExecutionRequest.of("l", Json.object()), broken);
        ExecutionResult r = ex.await(5, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertTrue(r.cause().contains("disk full"), r.cause());
    }

    @Test
    void concurrentJsonataIterationsDoNotShareState() {
        AslEngine engine = realTime(ServiceIntegration.none(), 0);
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 200; i++) items.append(i == 0 ? "" : ",").append(i);
        ExecutionResult r = engine.run(StateMachineDefinition.parse("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":40,
              "ItemProcessor":{"StartAt":"W","States":{
                "W":{"Type":"Wait","Seconds":0,"Assign":{"mine":"{% $states.input %}"},"Next":"P"},
                "P":{"Type":"Pass","Output":"{% $mine * 2 + $states.input %}","End":true}}},"End":true}}}"""),
                ExecutionRequest.of("j", Asl.json(items.append("]").toString())), ExecutionListener.NONE);
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), r::cause);
        for (int i = 0; i < 200; i++) assertEquals(3 * i, r.output().get(i).asInt());
    }

    @Test
    void unknownTokensAreRefused() {
        AslEngine engine = Asl.engine(ServiceIntegration.none());
        assertEquals(false, engine.sendTaskSuccess("nope", Json.object()));
        assertEquals(false, engine.sendTaskFailure("nope", "E", "C"));
        assertEquals(false, engine.sendTaskHeartbeat("nope"));
    }

    @Test
    void invalidDefinitionListsEveryDiagnostic() {
        DefinitionException e = org.junit.jupiter.api.Assertions.assertThrows(DefinitionException.class, () -> StateMachineDefinition.parse("""
            {"StartAt":"Bar","States":{"Bar":{"Type":"Pass","Next":"Foo"},"Baz":{"Type":"Nope"}}}"""));
        assertTrue(e.getMessage().contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Foo at /States/Bar/Next"), e.getMessage());
        assertTrue(e.diagnostics().size() >= 2);
        assertNull(StateMachineDefinition.validate("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}").stream().findAny().orElse(null));
    }

    @Test
    void inputIsNotModifiedByTheExecution() {
        JsonNode input = Asl.json("{\"a\":{\"b\":1}}");
        Asl.run(Asl.json(THREE_STEPS), input, ServiceIntegration.none());
        assertEquals(Asl.json("{\"a\":{\"b\":1}}"), input);
    }
}
