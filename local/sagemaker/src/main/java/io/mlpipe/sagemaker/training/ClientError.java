package io.mlpipe.sagemaker.training;

/** A training failure caused by the job's input (data, hyperparameters): reported as {@code ClientError: ...}. */
public final class ClientError extends Exception {
    public ClientError(String message) {
        super(message);
    }

    /** The FailureReason as the built-in container words it. */
    public String failureReason() {
        return "ClientError: " + getMessage();
    }
}
