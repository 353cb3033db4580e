package io.mlpipe.twin.lambda;

/**
 * The outcome of one invocation as Lambda reports it.
 *
 * @param functionError null on success, {@code Unhandled} when the handler threw or timed out (the
 *                      payload is then {@code {"errorMessage","errorType","stackTrace"}})
 * @param log what the function printed during this invocation
 */
public record Invocation(String requestId, byte[] payload, String functionError, String executedVersion, String log) {
}
