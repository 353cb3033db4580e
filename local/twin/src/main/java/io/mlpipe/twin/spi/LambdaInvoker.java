package io.mlpipe.twin.spi;

/** Synchronous in-process Lambda invocation (what {@code lambda:invoke} in a state machine needs). */
@FunctionalInterface
public interface LambdaInvoker {
    /**
     * @param functionName a name, ARN, or qualified ARN (version or alias)
     * @return the result; a function error is {@code error() != null}, with the AWS error JSON as payload
     */
    Result invoke(String functionName, String payloadJson);

    /** @param functionError {@code Unhandled} or {@code Handled}, null on success */
    record Result(String payload, String functionError, String executedVersion) {
    }
}
