package io.mlpipe.twin.spi;

/**
 * Where the template loader puts the template's state machines. The Step Functions service implements
 * it (create, or update in place when a state machine of that ARN exists, as a stack update would).
 */
@FunctionalInterface
public interface StateMachineRegistry {
    void register(StateMachineDefinition stateMachine);
}
