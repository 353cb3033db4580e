package io.mlpipe.twin.spi;

/**
 * Starts an execution of a state machine: what an EventBridge rule target (and anything else in the
 * twin) calls. The Step Functions service implements it; until one is plugged in, starts fail with
 * {@link UnsupportedOperationException} and an event target's failure handling (retry, dead-letter
 * queue) applies.
 */
@FunctionalInterface
public interface StateMachineStarter {
    /** @return the new execution's ARN */
    String startExecution(String stateMachineArn, String inputJson, String roleArn);
}
