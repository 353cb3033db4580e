package io.mlpipe.cli;

/**
 * A failure the user can act on: the message says what went wrong and what to do next. Main prints it
 * (no stack trace) and exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(message, 1);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
