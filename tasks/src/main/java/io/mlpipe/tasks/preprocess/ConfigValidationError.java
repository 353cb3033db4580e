package io.mlpipe.tasks.preprocess;

/** config/<model>.json is not valid or does not fit the data. */
public class ConfigValidationError extends TaskError {
    public ConfigValidationError(String message) {
        super(message);
    }

    public ConfigValidationError(String message, Throwable cause) {
        super(message, cause);
    }
}
