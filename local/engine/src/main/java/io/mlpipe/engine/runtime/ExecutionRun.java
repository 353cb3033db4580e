package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.EngineConfig;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionRequest;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.HistoryEvent;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.Variables;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The state of one execution: history, stop signal, deadline; runs the top-level graph. */
public final class ExecutionRun {
    final EngineConfig config;
    final StateMachineDefinition definition;
    final ExecutionRequest request;
    final ExecutionListener listener;
    final History history;
    final TaskTokens tokens;
    final long startMillis;
    final long deadlineMillis;
    final ObjectNode executionContext;
    final ObjectNode stateMachineContext;
    /** Every blocking wait of this execution waits on this monitor; stop and callbacks notify it. */
    final Object lock = new Object();
    private volatile StatesError stopSignal;
    private volatile ExecutionResult result;
    private final CountDownLatch done = new CountDownLatch(1);

    public ExecutionRun(EngineConfig config, TaskTokens tokens, StateMachineDefinition definition, ExecutionRequest request,
                 ExecutionListener listener, long lastEventId) {
        this.config = config;
        this.tokens = tokens;
        this.definition = definition;
        this.request = request;
        this.listener = listener == null ? ExecutionListener.NONE : listener;
        this.history = new History(this.listener, config.time(), lastEventId);
        this.startMillis = request.startTimeMillis() > 0 ? request.startTimeMillis() : config.time().millis();
        this.deadlineMillis = definition.timeoutSeconds() > 0 ? startMillis + definition.timeoutSeconds() * 1000 : Long.MAX_VALUE;
        this.executionContext = Json.object();
        executionContext.put("Id", request.executionArn());
        executionContext.set("Input", request.input());
        executionContext.put("Name", request.name());
        executionContext.put("RoleArn", request.roleArn());
        executionContext.put("StartTime", Timestamps.format(startMillis));
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = Json.object();
        stateMachineContext.put("Id", request.stateMachineArn());
        stateMachineContext.put("Name", request.stateMachineName());
    }

    /** Runs from {@code startAt} on the calling thread until the execution ends. */
    public ExecutionResult run(String startAt, JsonNode input, Variables variables, boolean fresh) {
        try {
            if (fresh) {
                ObjectNode d = Json.object();
                d.set("input", request.input());
                d.put("roleArn", request.roleArn());
                history.append(0, "ExecutionStarted", d);
            }
            Branch top = new Branch(this, variables, null, history.lastId(), true);
            JsonNode output = top.run(definition.graph(), startAt, input);
            ObjectNode d = Json.object();
            d.set("output", output);
            finish(top, "ExecutionSucceeded", d, new ExecutionResult(ExecutionStatus.SUCCEEDED, output, null, null));
        } catch (Signals.Aborted e) {
            finish(null, "ExecutionAborted", errorDetails(e), new ExecutionResult(ExecutionStatus.ABORTED, null, e.error(), e.cause()));
        } catch (Signals.ExecutionTimedOut e) {
            finish(null, "ExecutionTimedOut", errorDetails(e), new ExecutionResult(ExecutionStatus.TIMED_OUT, null, e.error(), e.cause()));
        } catch (StatesError e) {
            finish(null, "ExecutionFailed", errorDetails(e), new ExecutionResult(ExecutionStatus.FAILED, null, e.error(), e.cause()));
        } catch (RuntimeException e) {
            // an engine or integration bug must still end the execution, visibly
            StatesError err = new StatesError("States.Runtime", "Internal error: " + e);
            finish(null, "ExecutionFailed", errorDetails(err), new ExecutionResult(ExecutionStatus.FAILED, null, err.error(), err.cause()));
        }
        return result;
    }

    private void finish(Branch top, String type, ObjectNode details, ExecutionResult r) {
        try {
            history.append(top != null ? top.lastEventId : history.lastId(), type, details);
        } finally {
            // even when the listener fails to record the last event, waiters must not hang
            result = r;
            done.countDown();
        }
        listener.onFinished(r);
    }

    static ObjectNode errorDetails(StatesError e) {
        ObjectNode d = Json.object();
        // a Fail state without Error/Cause leaves them out, as AWS does
        if (!e.error().isEmpty()) d.put("error", e.error());
        if (!e.cause().isEmpty()) d.put("cause", e.cause());
        return d;
    }

    /** StopExecution: every wait wakes up and the running states end with ExecutionAborted. */
    public void stop(String error, String cause) {
        if (result != null) return;
        stopSignal = new Signals.Stopped(error, cause);
        wakeAll();
    }

    void wakeAll() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Throws when the execution was stopped or has timed out; cheap enough for every transition. */
    void checkLive() {
        StatesError s = stopSignal;
        if (s != null) throw s;
        if (deadlineMillis != Long.MAX_VALUE && config.time().millis() >= deadlineMillis) {
            throw new Signals.ExecutionTimedOut("The execution timed out after " + definition.timeoutSeconds() + " seconds");
        }
    }

    public ExecutionResult result() { return result; }

    public ExecutionResult await(long timeout, TimeUnit unit) throws InterruptedException {
        done.await(timeout, unit);
        return result;
    }

    public List<HistoryEvent> history() { return history.snapshot(); }

    public ExecutionRequest request() { return request; }

    public long startMillis() { return startMillis; }
}
