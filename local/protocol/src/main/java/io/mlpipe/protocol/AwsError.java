package io.mlpipe.protocol;

/**
 * An error as an AWS service answers it: an error code (the SDK's exception name), a message and an
 * HTTP status. Thrown by a local service's operation; the protocol layer renders it.
 */
public final class AwsError extends RuntimeException {
    private final String code;
    private final int status;

    public AwsError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The request is malformed or breaks a rule of the API (HTTP 400 ValidationException). */
    public static AwsError validation(String message) {
        return new AwsError(400, "ValidationException", message);
    }

    /** A client error with a service-specific code (HTTP 400), e.g. ResourceInUse. */
    public static AwsError client(String code, String message) {
        return new AwsError(400, code, message);
    }
}
