package io.mlpipe.stepfunctions;

import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** Test helpers over the SDK: state machines with unique names, waiting for executions. */
final class Machines {
    static final String ROLE = "arn:aws:iam::000000000000:role/test";

    private Machines() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String create(SfnClient sfn, String prefix, String definition) {
        return sfn.createStateMachine(b -> b.name(unique(prefix)).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    static String createExpress(SfnClient sfn, String prefix, String definition) {
        return sfn.createStateMachine(b -> b.name(unique(prefix)).definition(definition).roleArn(ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
    }

    static String start(SfnClient sfn, String stateMachineArn, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    /** Polls DescribeExecution until the execution is no longer RUNNING. */
    static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING) {
                return d;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("still running after " + timeout + ": " + executionArn);
            }
            sleep(20);
        }
    }

    static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn) {
        return awaitEnd(sfn, executionArn, Duration.ofSeconds(30));
    }

    /** The execution's status and history as text, for assertion messages. */
    static String explain(SfnClient sfn, String executionArn) {
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
        StringBuilder text = new StringBuilder(d.status() + " " + d.error() + ": " + d.cause());
        sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().forEach(e -> text.append('\n').append(e));
        return text.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
