package io.mlpipe.engine.runtime;

import io.mlpipe.engine.StatesError;

/** Ends of a run that no Retry or Catch may intercept. */
final class Signals {
    private Signals() {}

    /** StopExecution, or a sibling branch failed and this one must stop. */
    static class Aborted extends StatesError {
        Aborted(String error, String cause) { super(error, cause); }
    }

    /** StopExecution: the states it interrupts record *StateAborted, as AWS does. */
    static final class Stopped extends Aborted {
        Stopped(String error, String cause) { super(error, cause); }
    }

    /** The state machine's TimeoutSeconds passed. */
    static final class ExecutionTimedOut extends StatesError {
        ExecutionTimedOut(String cause) { super("States.Timeout", cause); }
    }
}
