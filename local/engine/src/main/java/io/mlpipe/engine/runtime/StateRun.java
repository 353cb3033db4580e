package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.EngineConfig;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.json.Variables;
import io.mlpipe.engine.spi.Entropy;
import io.mlpipe.engine.states.Assignment;
import io.mlpipe.engine.states.State;
import io.mlpipe.engine.states.StateGraph;
import io.mlpipe.engine.jsonata.JsonataTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;


/**
 * One entry into a state: what the state's code may use (events, waits, callbacks, branches)
 * and the {@link Scope} its paths and expressions see. The context object is built only when
 * something reads "$$" / $states.context.
 */
public final class StateRun implements Scope {
    final Branch branch;
    final State state;
    final long enteredMillis;
    int retryCount;
    private String taskToken;
    private ObjectNode context;
    /** The state's input after InputPath (TimeoutSecondsPath and the Map's ItemsPath read it). */
    JsonNode effectiveInput;
    /** Set by a Choice state: the chosen rule's Next, Assign and (JSONata) Output. */
    String chosenNext;
    Assignment chosenAssign;
    JsonataTemplate chosenOutput;

    StateRun(Branch branch, State state) {
        this.branch = branch;
        this.state = state;
        this.enteredMillis = branch.exec.config.time().millis();
    }

    // --- Scope

    @Override
    public JsonNode context() {
        if (context == null) {
            ObjectNode c = Json.object();
            c.set("Execution", branch.executionContext);
            ObjectNode s = c.putObject("State");
            s.put("EnteredTime", Timestamps.format(enteredMillis));
            s.put("Name", state.name());
            s.put("RetryCount", retryCount);
            c.set("StateMachine", branch.stateMachineContext);
            if (taskToken != null) c.putObject("Task").put("Token", taskToken);
            context = c;
        }
        return context;
    }

    @Override
    public Variables variables() { return branch.variables; }

    @Override
    public Entropy entropy() { return branch.exec.config.entropy(); }

    public io.mlpipe.engine.spi.TimeSource time() { return branch.exec.config.time(); }

    // --- what states use

    public String stateName() { return state.name(); }

    public JsonNode effectiveInput() { return effectiveInput; }

    public EngineConfig config() { return branch.exec.config; }

    public String executionArn() { return branch.executionContext.get("Id").textValue(); }

    /** $$.StateMachine.Id and .Name of the execution this state runs in. */
    public String stateMachineArn() { return branch.stateMachineContext.get("Id").textValue(); }

    public String stateMachineName() { return branch.stateMachineContext.get("Name").textValue(); }

    public long now() { return branch.exec.config.time().millis(); }

    /** True when the state machine has a "TimeoutSeconds" (the execution's own deadline). */
    public boolean executionHasDeadline() { return branch.exec.deadlineMillis != Long.MAX_VALUE; }

    /** A Choice state's decision. */
    public void choose(String next, Assignment assign, JsonataTemplate output) {
        this.chosenNext = next;
        this.chosenAssign = assign;
        this.chosenOutput = output;
    }

    /** Appends a history event on this branch. */
    public void event(String type, ObjectNode details) { branch.event(type, details); }

    /** A retry starts the state's work again: "RetryCount" changes in the context object. */
    void retried() {
        retryCount++;
        context = null;
    }

    /** Waits {@code seconds} of definition time, times the wait scale. */
    public void sleepScaled(double seconds) {
        sleepMillis(Math.round(seconds * 1000 * branch.exec.config.waitScale()));
    }

    /** Waits real milliseconds, waking early (with an abort) when the execution stops. */
    public void sleepMillis(long millis) {
        branch.checkLive();
        if (millis <= 0) return;
        ExecutionRun e = branch.exec;
        long end = System.nanoTime() + millis * 1_000_000;
        synchronized (e.lock) {
            while (true) {
                branch.checkLive();
                long remaining = (end - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) return;
                if (e.deadlineMillis != Long.MAX_VALUE) remaining = Math.max(1, Math.min(remaining, e.deadlineMillis - now()));
                waitOn(e.lock, remaining);
            }
        }
    }

    /**
     * Runs a service call on the engine's executor and waits for it until {@code deadlineMillis}
     * (clock time): "If the task runs longer than the specified seconds, this state fails with a
     * States.Timeout error" — a call still hanging then is interrupted, not waited for. A stop
     * or the execution's own timeout ends the wait too. Only Tasks with a timeout come here: the
     * others call on their own thread.
     */
    public <T> T callBefore(long deadlineMillis, Supplier<T> call) {
        ExecutionRun e = branch.exec;
        CompletableFuture<T> answer = new CompletableFuture<>();
        Future<?> worker = e.config.executor().submit(() -> {
            try {
                answer.complete(call.get());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            } finally {
                e.wakeAll();
            }
        });
        try {
            synchronized (e.lock) {
                while (!answer.isDone()) {
                    branch.checkLive();
                    long now = now();
                    if (now >= deadlineMillis) throw new StatesError(ErrorNames.TIMEOUT, "The task did not answer within its TimeoutSeconds");
                    long until = e.deadlineMillis == Long.MAX_VALUE ? deadlineMillis : Math.min(deadlineMillis, e.deadlineMillis);
                    waitOn(e.lock, Math.max(1, until - now));
                }
            }
        } catch (StatesError abandoned) {
            worker.cancel(true);
            throw abandoned;
        }
        try {
            return answer.join();
        } catch (CompletionException ce) {
            if (ce.getCause() instanceof RuntimeException re) throw re;
            if (ce.getCause() instanceof Error err) throw err;
            throw ce;
        }
    }

    /** Creates this attempt's task token ($$.Task.Token) and registers it for SendTask*. */
    void newTaskToken() {
        taskToken = branch.exec.tokens.register(branch.exec);
        context = null;
    }

    /** The token of this attempt of a callback task, or null. */
    public String taskToken() { return taskToken; }

    /**
     * Waits for SendTaskSuccess/Failure on {@code token}: returns the output, throws the sent
     * error, States.Timeout at {@code deadlineMillis} (clock time) or States.HeartbeatTimeout
     * when no heartbeat came for {@code heartbeatMillis}.
     */
    public JsonNode awaitCallback(String token, long deadlineMillis, long heartbeatMillis) {
        ExecutionRun e = branch.exec;
        TaskTokens.Callback cb = e.tokens.get(token);
        try {
            synchronized (e.lock) {
                while (!cb.done) {
                    branch.checkLive();
                    long now = now();
                    if (now >= deadlineMillis) throw new StatesError(ErrorNames.TIMEOUT, "The task timed out waiting for a callback");
                    long until = deadlineMillis;
                    if (heartbeatMillis > 0) {
                        long beatDeadline = cb.lastHeartbeat + heartbeatMillis;
                        if (now >= beatDeadline) throw new StatesError(ErrorNames.HEARTBEAT_TIMEOUT, "No heartbeat was received within " + heartbeatMillis / 1000 + " seconds");
                        until = Math.min(until, beatDeadline);
                    }
                    if (e.deadlineMillis != Long.MAX_VALUE) until = Math.min(until, e.deadlineMillis);
                    waitOn(e.lock, Math.max(1, until - now));
                }
            }
            if (cb.failure != null) throw cb.failure;
            return cb.output;
        } finally {
            e.tokens.remove(token);
        }
    }

    /** Forgets a token whose task ended without waiting for it (the submit call failed). */
    public void dropTaskToken(String token) { branch.exec.tokens.remove(token); }

    /** Runs {@code count} branches (Parallel) or iterations (Map); see {@link Fork}. */
    public Fork.Outcome[] fork(int count, int maxConcurrency, boolean mayBlock, Fork.FailurePolicy policy, Fork.Body body) {
        return Fork.run(this, count, maxConcurrency, mayBlock, policy, body);
    }

    /**
     * Runs {@code count} Distributed Map child executions, at most {@code maxConcurrency} at once
     * (0 = up to {@link Fork#DISTRIBUTED_CONCURRENCY_LIMIT}); each in its own history and context.
     */
    public Fork.Outcome[] forkExecutions(int count, int maxConcurrency, boolean mayBlock, Fork.FailurePolicy policy,
                                         java.util.function.IntFunction<ChildExecution> describe, Fork.Body body) {
        return Fork.run(this, count, maxConcurrency, Fork.DISTRIBUTED_CONCURRENCY_LIMIT, Fork.childExecutions(describe), mayBlock, policy, body);
    }

    /** Runs a graph in a child branch (inside a {@link Fork.Body}). */
    public static JsonNode runGraph(Branch child, StateGraph graph, JsonNode input) {
        return child.run(graph, graph.startAt(), input);
    }

    private static void waitOn(Object lock, long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Signals.Aborted("States.Runtime", "The engine thread was interrupted");
        }
    }
}
