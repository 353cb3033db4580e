package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TaskResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A .sync job is stopped when its task is abandoned (StopExecution, as on AWS), but not when the engine's threads
 * are interrupted because the twin shuts down: the job keeps running, and the execution resumed after the restart
 * polls it again (a stopped job would fail it).
 */
class ShutdownLeavesSyncJobsRunningTest {
    static final String TRAIN = """
            {"StartAt":"Train","States":{"Train":{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync",
              "Parameters":{"TrainingJobName":"j"},"End":true}}}""";

    private final AtomicInteger cancels = new AtomicInteger();
    /** A job that never finishes, and counts the engine's attempts to stop it. */
    private final ServiceIntegration jobs = request -> new TaskResponse.Job(Json.object(), new JobPoller() {
        @Override
        public JsonNode poll() {
            return null;
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }, 30);

    @Test
    void anEngineShutdownLeavesTheJobRunning() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        start(threads);
        threads.shutdownNow(); // what the twin's Executions does when it stops
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, cancels.get(), "the job was stopped by a shutdown");
    }

    @Test
    void stopExecutionStopsTheJob() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            Execution ex = start(threads);
            ex.stop("Operator", "stopped");
            assertEquals(ExecutionStatus.ABORTED, ex.await(5, TimeUnit.SECONDS).status());
            assertEquals(1, cancels.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Starts the execution and returns once its job is submitted and being polled. */
    private Execution start(ExecutorService threads) throws InterruptedException {
        EngineConfig config = new EngineConfig(jobs, null, null, 1.0, null, threads);
        Execution ex = new AslEngine(config).start(StateMachineDefinition.parse(TRAIN), ExecutionRequest.of("train",
                Json.object()), ExecutionListener.NONE);
        long until = System.currentTimeMillis() + 5000;
        while (ex.history().stream().noneMatch(e -> e.type().equals("TaskSubmitted"))) {
            if (System.currentTimeMillis() > until) {
                fail("the job was never submitted");
            }
            Thread.sleep(5);
        }
        Thread.sleep(50); // into the wait between polls
        return ex;
    }
}
