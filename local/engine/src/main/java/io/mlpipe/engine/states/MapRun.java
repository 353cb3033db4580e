package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.ChildExecution;
import io.mlpipe.engine.runtime.StateRun;
import io.mlpipe.engine.runtime.Timestamps;

/**
 * One Map Run: "the set of child workflow executions that a Distributed Map state starts, and the
 * runtime settings that control them". Its ARN is
 * arn:aws:states:{region}:{account}:mapRun:{stateMachineName}/{Label or state name}:{mapRunId};
 * a child's is ...:execution:{stateMachineName}/{Label or state name}:{childId} (EXPRESS children:
 * ...:express:...), and it runs the state machine ...:stateMachine:{stateMachineName}/{Label or state name}.
 */
record MapRun(String arn, String id, String childPrefix, String childMachineArn, String childMachineName, boolean express) {

    static MapRun start(String label, boolean express, StateRun run) {
        String[] parts = run.executionArn() == null ? new String[0] : run.executionArn().split(":");
        String account = parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "123456789012";
        String base = "arn:aws:states:" + run.config().region() + ":" + account + ":";
        String machine = run.stateMachineName() + "/" + label;
        String id = run.entropy().uuid();
        return new MapRun(base + "mapRun:" + machine + ":" + id, id, base + (express ? "express:" : "execution:") + machine + ":",
                base + "stateMachine:" + machine, machine, express);
    }

    /** The child execution for one input. */
    ChildExecution child(JsonNode input, StateRun run) {
        String name = run.entropy().uuid();
        return new ChildExecution(childPrefix + name, name, childMachineArn, childMachineName, arn, input);
    }

    /**
     * How a child ended, as the ResultWriter exports it: "ExecutionArn", "Input" and "Output"
     * (JSON text), "Name", "StartDate", "StopDate", "StateMachineArn", "Status", and for a failed
     * one "Error" and "Cause".
     */
    record Child(ChildExecution execution, long startMillis, long stopMillis, String status, JsonNode output, String error, String cause) {
        ObjectNode toJson() {
            ObjectNode o = Json.object();
            o.put("ExecutionArn", execution.arn());
            o.put("Input", Json.write(execution.input()));
            o.putObject("InputDetails").put("Included", true);
            o.put("Name", execution.name());
            if (output != null) {
                o.put("Output", Json.write(output));
                o.putObject("OutputDetails").put("Included", true);
            } else {
                o.put("Error", error);
                o.put("Cause", cause);
            }
            o.put("RedriveCount", 0);
            o.put("RedriveStatus", output != null ? "NOT_REDRIVABLE" : "REDRIVABLE_BY_MAP_RUN");
            if (output != null) o.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
            o.put("StartDate", Timestamps.format(startMillis));
            o.put("StateMachineArn", execution.stateMachineArn());
            o.put("Status", status);
            o.put("StopDate", Timestamps.format(stopMillis));
            return o;
        }
    }
}
