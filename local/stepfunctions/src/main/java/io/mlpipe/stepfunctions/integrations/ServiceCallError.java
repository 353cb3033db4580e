package io.mlpipe.stepfunctions.integrations;

/** A service answered a call with an AWS error: its HTTP status, error code and message. */
final class ServiceCallError extends RuntimeException {
    private final int status;
    private final String code;
    private final String requestId;

    ServiceCallError(int status, String code, String message, String requestId) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /**
     * The cause text AWS puts in TaskFailed: the message and the SDK's summary of the call,
     * e.g. {@code Requested resource not found (Service: SageMaker, Status Code: 400, Request ID: ...)}.
     */
    String cause(String serviceId) {
        return getMessage() + " (Service: " + serviceId + ", Status Code: " + status + ", Request ID: " + requestId + ")";
    }
}
