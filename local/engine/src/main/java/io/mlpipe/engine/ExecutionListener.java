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

    ExecutionListener NONE = e -> {};
}
