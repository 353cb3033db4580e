package io.mlpipe.tasks.preprocess;

/**
 * A failure the state machine handles by name. On AWS the Lambda Java runtime reports the exception's
 * fully qualified class name as the errorType, which becomes the Step Functions error name.
 */
public abstract class TaskError extends RuntimeException {
    protected TaskError(String message) {
        super(message);
    }

    protected TaskError(String message, Throwable cause) {
        super(message, cause);
    }
}
