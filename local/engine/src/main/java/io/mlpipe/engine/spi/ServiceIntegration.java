package io.mlpipe.engine.spi;

/**
 * Every service a Task state can call, behind one method; the twin implements it (Lambda,
 * SageMaker, DynamoDB, EventBridge, aws-sdk:*). A failure is thrown as a
 * {@link io.mlpipe.engine.StatesError} with the error name Retry/Catch match on, e.g.
 * Lambda.ServiceException, SageMaker.ResourceNotFound, or a Lambda's own errorType.
 */
@FunctionalInterface
public interface ServiceIntegration {
    TaskResponse invoke(TaskRequest request);

    /** An integration that knows no service: every Task fails the way AWS fails an unknown resource. */
    static ServiceIntegration none() {
        return request -> {
            throw new io.mlpipe.engine.StatesError("States.Runtime", "No service integration for " + request.resource());
        };
    }
}
