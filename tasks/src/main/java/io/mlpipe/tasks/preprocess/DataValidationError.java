package io.mlpipe.tasks.preprocess;

/** The data file cannot be used for training; the message names the row, the column and what was expected. */
public class DataValidationError extends TaskError {
    public DataValidationError(String message) {
        super(message);
    }

    public DataValidationError(String message, Throwable cause) {
        super(message, cause);
    }
}
