package io.mlpipe.tasks.io;

/** Calls a SageMaker endpoint (InvokeEndpoint). */
public interface EndpointInvoker {

    /**
     * Sends {@code body} with {@code contentType} and returns the container's answer as text.
     *
     * @throws EndpointUnavailableException the endpoint does not exist, is not InService or is throttling (retry later)
     * @throws EndpointFailedException the model container answered with an error
     */
    String invoke(String endpointName, String contentType, String body);

    /** The endpoint cannot answer now. */
    class EndpointUnavailableException extends RuntimeException {
        public EndpointUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The endpoint answered with an error. */
    class EndpointFailedException extends RuntimeException {
        public EndpointFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
