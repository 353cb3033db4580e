package io.mlpipe.engine;

/**
 * A failure inside an execution: an error name (what Retry/Catch match on) and a cause.
 * Failures are rare compared to transitions, but Map/Parallel can raise many, so the
 * stack trace (useless here: the state name says where) is not captured.
 */
public class StatesError extends RuntimeException {
    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() { return error; }

    public String cause() { return cause; }
}
