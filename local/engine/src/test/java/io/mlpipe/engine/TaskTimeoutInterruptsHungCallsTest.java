package io.mlpipe.engine;

import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TaskResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "TimeoutSeconds: if the task runs longer than the specified seconds, this state fails with a
 * States.Timeout error" — for a request-response call too: a call that hangs is interrupted at
 * the deadline, not waited for; so is the state machine's own "TimeoutSeconds". Tasks under no
 * timeout call on the execution's own thread.
 */
class TaskTimeoutInterruptsHungCallsTest {

    static String task(String timeout) {
        return """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",%s
              "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},
              "TimedOut":{"Type":"Pass","End":true}}}""".formatted(timeout);
    }

    /** Hangs until interrupted; records the interrupt. */
    static final class HungService implements ServiceIntegration {
        final CountDownLatch interrupted = new CountDownLatch(1);

        public TaskResponse invoke(io.mlpipe.engine.spi.TaskRequest r) {
            try {
                Thread.sleep(60_000);
                return TaskResponse.result(Json.object());
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new StatesError("Interrupted", "the call was abandoned");
            }
        }
    }

    @Test
    void aHungCallEndsWithStatesTimeoutAtTheDeadlineAndIsInterrupted() throws Exception {
        HungService hung = new HungService();
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(hung).withWaitScale(0));
        long start = System.nanoTime();
        Execution ex = engine.start(StateMachineDefinition.parse(task("\"TimeoutSeconds\":1,")), ExecutionRequest.of("hung", Json.object()), ExecutionListener.NONE);
        ExecutionResult r = ex.await(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
        assertEquals("States.Timeout", r.output().get("Error").asText());
        assertTrue(millis >= 900 && millis < 5000, "ended at the 1 s deadline, took " + millis + " ms");
        assertTrue(hung.interrupted.await(5, TimeUnit.SECONDS), "the hung call was interrupted");
        assertTrue(ex.history().stream().anyMatch(e -> e.type().equals("TaskTimedOut")));
    }

    @Test
    void theMachinesTimeoutSecondsAlsoEndsAHungCall() throws Exception {
        HungService hung = new HungService();
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(hung).withWaitScale(0));
        Execution ex = engine.start(StateMachineDefinition.parse("""
            {"TimeoutSeconds":1,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}"""),
                ExecutionRequest.of("machine", Json.object()), ExecutionListener.NONE);
        ExecutionResult r = ex.await(10, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.TIMED_OUT, r.status());
        assertTrue(hung.interrupted.await(5, TimeUnit.SECONDS), "the hung call was interrupted");
    }

    @Test
    void aHungDescribeCallOfASyncJobEndsWithStatesTimeout() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        ServiceIntegration job = r -> new TaskResponse.Job(Json.object(), () -> {
            try {
                Thread.sleep(60_000);
                return Json.object();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new StatesError("Interrupted", "the describe call was abandoned");
            }
        }, 1);
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(job).withWaitScale(0));
        Execution ex = engine.start(StateMachineDefinition.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","TimeoutSeconds":1,"End":true}}}"""),
                ExecutionRequest.of("job", Json.object()), ExecutionListener.NONE);
        assertEquals("States.Timeout", ex.await(10, TimeUnit.SECONDS).error());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the hung describe call was interrupted");
    }

    @Test
    void stopExecutionEndsTheWaitForAHungCall() throws Exception {
        HungService hung = new HungService();
        AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(hung).withWaitScale(0));
        Execution ex = engine.start(StateMachineDefinition.parse(task("\"TimeoutSeconds\":60,")), ExecutionRequest.of("stop", Json.object()), ExecutionListener.NONE);
        Thread.sleep(100);
        ex.stop("Stopped", "by test");
        assertEquals(ExecutionStatus.ABORTED, ex.await(5, TimeUnit.SECONDS).status());
        assertTrue(hung.interrupted.await(5, TimeUnit.SECONDS), "the hung call was interrupted");
    }

    @Test
    void aCallThatAnswersInTimeIsTheResult() {
        ServiceIntegration quick = r -> TaskResponse.result(Json.parse("{\"Payload\":42}"));
        ExecutionResult r = Asl.engine(quick).run(StateMachineDefinition.parse(task("\"TimeoutSeconds\":5,")), ExecutionRequest.of("ok", Json.object()), ExecutionListener.NONE);
        assertEquals(Json.parse("{\"Payload\":42}"), r.output());
    }

    @Test
    void aServiceErrorInsideTheTimeoutKeepsItsName() {
        ServiceIntegration failing = r -> { throw new StatesError("Lambda.ServiceException", "down"); };
        ExecutionResult r = Asl.engine(failing).run(StateMachineDefinition.parse(task("\"TimeoutSeconds\":5,")), ExecutionRequest.of("err", Json.object()), ExecutionListener.NONE);
        assertEquals("Lambda.ServiceException", r.error());
    }

    @Test
    void onlyATaskWithATimeoutLeavesTheExecutionsThread() {
        List<Thread> callers = new CopyOnWriteArrayList<>();
        ServiceIntegration recording = r -> {
            callers.add(Thread.currentThread());
            return TaskResponse.result(Json.object());
        };
        Asl.engine(recording).run(StateMachineDefinition.parse(task("")), ExecutionRequest.of("a", Json.object()), ExecutionListener.NONE);
        Asl.engine(recording).run(StateMachineDefinition.parse(task("\"TimeoutSeconds\":5,")), ExecutionRequest.of("b", Json.object()), ExecutionListener.NONE);
        assertSame(Thread.currentThread(), callers.get(0));
        assertNotSame(Thread.currentThread(), callers.get(1));
    }
}
