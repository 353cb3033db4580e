package io.mlpipe.tasks.preprocess;

/** The object to preprocess does not exist. */
public class DataNotFoundError extends TaskError {
    public DataNotFoundError(String message) {
        super(message);
    }

    public DataNotFoundError(String message, Throwable cause) {
        super(message, cause);
    }
}
