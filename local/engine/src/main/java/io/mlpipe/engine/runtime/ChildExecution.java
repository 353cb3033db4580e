package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A child workflow execution of a Distributed Map: "each child workflow execution has its own
 * execution history, separate from the parent's"; inside it, $$.Execution and $$.StateMachine
 * describe the child (its ARN, name, input) and the Map's state machine ({@code stateMachineArn}).
 * It sees no variables of the parent workflow. {@code mapRunArn} is the Map Run it belongs to
 * (ListExecutions with a mapRunArn lists it).
 */
public record ChildExecution(String arn, String name, String stateMachineArn, String stateMachineName, String mapRunArn, JsonNode input) {}
