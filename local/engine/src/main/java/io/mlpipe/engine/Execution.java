package io.mlpipe.engine;

import io.mlpipe.engine.runtime.ExecutionRun;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** A handle on a running (or finished) execution: DescribeExecution, GetExecutionHistory, StopExecution. */
public final class Execution {
    private final ExecutionRun run;

    Execution(ExecutionRun run) { this.run = run; }

    public String executionArn() { return run.request().executionArn(); }

    public ExecutionRequest request() { return run.request(); }

    public long startMillis() { return run.startMillis(); }

    public ExecutionStatus status() {
        ExecutionResult r = run.result();
        return r == null ? ExecutionStatus.RUNNING : r.status();
    }

    /** The result, or null while running. */
    public ExecutionResult result() { return run.result(); }

    /** Waits for the end; returns null if it did not end in time. */
    public ExecutionResult await(long timeout, TimeUnit unit) throws InterruptedException { return run.await(timeout, unit); }

    /** StopExecution: the execution ends with ExecutionAborted(error, cause). */
    public void stop(String error, String cause) { run.stop(error == null ? "" : error, cause == null ? "" : cause); }

    /** The events so far, in order. */
    public List<HistoryEvent> history() { return run.history(); }
}
