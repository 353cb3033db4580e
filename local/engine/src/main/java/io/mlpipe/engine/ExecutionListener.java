package io.mlpipe.engine;

/**
 * Observes an execution as it runs: every history event as it is appended (in id order,
 * possibly from several threads for Parallel/Map branches, never concurrently), and — when
 * {@link #wantsCheckpoints()} — a checkpoint after each top-level transition, from which
 * {@link AslEngine#resume} can continue after a restart.
 */
public interface ExecutionListener {
    void onEvent(HistoryEvent event);

    default boolean wantsCheckpoints() { return false; }

    default void onCheckpoint(Checkpoint checkpoint) {}

    /** Called once, after the final event. */
    default void onFinished(ExecutionResult result) {}

    /**
     * A Distributed Map of this execution starts a child workflow execution: the listener returned
     * gets the child's own history (ExecutionStarted ... ExecutionSucceeded / Failed / Aborted, ids
     * from 1) and its result, so a host can serve it as an execution of the Map Run. Called from the
     * thread that runs the child.
     */
    default ExecutionListener onChildExecution(io.mlpipe.engine.runtime.ChildExecution child) { return NONE; }

    ExecutionListener NONE = e -> {};
}
