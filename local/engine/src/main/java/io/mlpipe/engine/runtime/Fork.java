package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.Variables;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Runs the branches of a Parallel state or the iterations of a Map state. Pure graphs run one
 * after the other on the caller's thread (no thread hop); graphs that may block run on the
 * engine's executor, at most {@code maxConcurrency} at once. Once the failure policy says the
 * state has failed, the others are cancelled (they end at their next transition or wait).
 */
public final class Fork {
    private Fork() {}

    /** "Inline Map ... up to 40 concurrent iterations" — also the cap when MaxConcurrency is 0. */
    public static final int INLINE_CONCURRENCY_LIMIT = 40;

    /** "Distributed Map ... up to 10,000 parallel child workflow executions." */
    public static final int DISTRIBUTED_CONCURRENCY_LIMIT = 10_000;

    /** Makes the branch that runs branch/iteration {@code index}, and sees how it ended. */
    interface Children {
        Branch create(Branch parent, Group group, int index);

        default void finished(Branch child, Outcome outcome) {}
    }

    /** Parallel branches and inline Map iterations: the parent's history, a scope inside the parent's variables. */
    static final Children INLINE = (parent, group, index) ->
            new Branch(parent.exec, new Variables(parent.variables), group, parent.lastEventId, false);

    /**
     * Distributed Map child executions: their own history (sent to the listener the execution's
     * listener gives for the child), context object and variables; the history starts with
     * ExecutionStarted and ends with ExecutionSucceeded, ExecutionFailed or ExecutionAborted.
     */
    static Children childExecutions(IntFunction<ChildExecution> describe) {
        return new Children() {
            public Branch create(Branch parent, Group group, int index) {
                ChildExecution c = describe.apply(index);
                ExecutionRun e = parent.exec;
                ObjectNode execution = Json.object();
                execution.put("Id", c.arn());
                execution.set("Input", c.input());
                execution.put("Name", c.name());
                execution.put("RoleArn", e.request.roleArn());
                execution.put("StartTime", Timestamps.format(e.config.time().millis()));
                execution.put("RedriveCount", 0);
                ObjectNode machine = Json.object();
                machine.put("Id", c.stateMachineArn());
                machine.put("Name", c.stateMachineName());
                History own = new History(e.listener.onChildExecution(c), e.config.time(), 0);
                Branch child = new Branch(e, Variables.root(), group, 0, false, own, execution, machine);
                ObjectNode started = Json.object();
                started.set("input", c.input());
                started.put("roleArn", e.request.roleArn());
                child.event("ExecutionStarted", started);
                return child;
            }

            public void finished(Branch child, Outcome o) {
                ObjectNode d = Json.object();
                ExecutionResult r;
                if (o.error() == null) {
                    d.set("output", o.output());
                    r = new ExecutionResult(ExecutionStatus.SUCCEEDED, o.output(), null, null);
                } else {
                    d = ExecutionRun.errorDetails(o.error());
                    r = new ExecutionResult(isAbort(o.error()) ? ExecutionStatus.ABORTED : ExecutionStatus.FAILED, null, o.error().error(), o.error().cause());
                }
                child.event(r.status() == ExecutionStatus.SUCCEEDED ? "ExecutionSucceeded" : r.status() == ExecutionStatus.ABORTED ? "ExecutionAborted" : "ExecutionFailed", d);
                child.history.listener().onFinished(r);
            }
        };
    }

    public interface Body {
        /** Runs branch/iteration {@code index} in {@code child}; returns its output or throws its error. */
        JsonNode run(int index, Branch child);
    }

    /** Decides whether the failures so far fail the whole state. */
    public interface FailurePolicy {
        boolean failed(int failures, int count);
    }

    /** The end of one branch: its output, or its error (null output). Not run: null entry. */
    public record Outcome(JsonNode output, StatesError error) {}

    /** A cancellation scope shared by the branches of one fork. */
    static final class Group {
        final Group parent;
        volatile boolean cancelled;

        Group(Group parent) { this.parent = parent; }

        void checkLive() {
            if (cancelled) throw new Signals.Aborted("States.Aborted", "A sibling branch failed");
        }
    }

    /** True for a cancellation or stop (no Catch applies; the iteration is aborted, not failed). */
    public static boolean isAbort(StatesError e) { return e instanceof Signals.Aborted || e instanceof Signals.ExecutionTimedOut; }

    /** True for StopExecution (not a sibling's failure, not the machine's timeout). */
    public static boolean isStop(StatesError e) { return e instanceof Signals.Stopped; }

    /** $$.Map.Item for iteration {@code index}. */
    public static ObjectNode mapItem(int index, JsonNode value) {
        ObjectNode item = Json.object();
        item.put("Index", index);
        item.set("Value", value);
        return item;
    }

    static Outcome[] run(StateRun parent, int count, int maxConcurrency, boolean mayBlock, FailurePolicy policy, Body body) {
        return run(parent, count, maxConcurrency, INLINE_CONCURRENCY_LIMIT, INLINE, mayBlock, policy, body);
    }

    static Outcome[] run(StateRun parent, int count, int maxConcurrency, int cap, Children children, boolean mayBlock,
                         FailurePolicy policy, Body body) {
        Branch p = parent.branch;
        Group group = new Group(p.group);
        Outcome[] outcomes = new Outcome[count];
        if (!mayBlock) {
            int failures = 0;
            for (int i = 0; i < count; i++) {
                p.checkLive();
                outcomes[i] = runOne(p, group, i, children, body);
                if (outcomes[i].error() != null && policy.failed(++failures, count)) break;
            }
        } else {
            int limit = maxConcurrency <= 0 ? cap : Math.min(maxConcurrency, cap);
            Semaphore permits = new Semaphore(limit);
            List<Future<?>> futures = new ArrayList<>(count);
            int[] failures = {0};
            for (int i = 0; i < count && !group.cancelled; i++) {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    group.cancelled = true;
                    break;
                }
                if (group.cancelled) {
                    permits.release();
                    break;
                }
                final int index = i;
                futures.add(p.exec.config.executor().submit(() -> {
                    try {
                        Outcome o = runOne(p, group, index, children, body);
                        outcomes[index] = o;
                        if (o.error() != null && !isAbort(o.error())) {
                            synchronized (failures) {
                                if (policy.failed(++failures[0], count)) {
                                    group.cancelled = true;
                                    p.exec.wakeAll();
                                }
                            }
                        }
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new StatesError("States.Runtime", "A branch crashed: " + e);
                }
            }
        }
        p.lastEventId = p.history.lastId();
        p.checkLive();
        return outcomes;
    }

    private static Outcome runOne(Branch parent, Group group, int index, Children children, Body body) {
        Branch child = children.create(parent, group, index);
        Outcome o;
        try {
            o = new Outcome(body.run(index, child), null);
        } catch (StatesError e) {
            o = new Outcome(null, e);
        }
        children.finished(child, o);
        return o;
    }

    /** Appends an event on a child branch (iteration events). */
    public static void event(Branch child, String type, ObjectNode details) { child.event(type, details); }
}
