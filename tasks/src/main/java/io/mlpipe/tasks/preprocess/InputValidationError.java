package io.mlpipe.tasks.preprocess;

/** The Lambda's input does not match the preprocess-input schema (a wiring bug, not a data problem). */
public class InputValidationError extends TaskError {
    public InputValidationError(String message) {
        super(message);
    }

    public InputValidationError(String message, Throwable cause) {
        super(message, cause);
    }
}
