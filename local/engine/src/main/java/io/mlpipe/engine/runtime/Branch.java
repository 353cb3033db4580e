package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.Checkpoint;
import io.mlpipe.engine.json.Variables;
import io.mlpipe.engine.states.State;
import io.mlpipe.engine.states.StateGraph;

/**
 * One thread of control: the top level, a Parallel branch or a Map iteration. It owns its
 * variable scope and its place in the history (the previousEventId of its next event).
 */
public final class Branch {
    final ExecutionRun exec;
    final Variables variables;
    final Fork.Group group;
    final boolean topLevel;
    /** Where this branch's events go: the execution's history, or a Distributed Map child execution's own. */
    final History history;
    /** $$.Execution and $$.StateMachine of the execution this branch belongs to. */
    final ObjectNode executionContext;
    final ObjectNode stateMachineContext;
    long lastEventId;
    /** The state to run after the current one; null = the graph ends here. Set by the executor. */
    String next;

    Branch(ExecutionRun exec, Variables variables, Fork.Group group, long lastEventId, boolean topLevel) {
        this(exec, variables, group, lastEventId, topLevel, exec.history, exec.executionContext, exec.stateMachineContext);
    }

    Branch(ExecutionRun exec, Variables variables, Fork.Group group, long lastEventId, boolean topLevel,
           History history, ObjectNode executionContext, ObjectNode stateMachineContext) {
        this.exec = exec;
        this.variables = variables;
        this.group = group;
        this.lastEventId = lastEventId;
        this.topLevel = topLevel;
        this.history = history;
        this.executionContext = executionContext;
        this.stateMachineContext = stateMachineContext;
    }

    /** Runs the graph from {@code startAt}; returns the output of its end state or throws its error. */
    JsonNode run(StateGraph graph, String startAt, JsonNode input) {
        String name = startAt;
        boolean checkpoints = topLevel && exec.listener.wantsCheckpoints();
        while (true) {
            checkLive();
            State state = graph.get(name);
            JsonNode output = StateExecutor.execute(state, input, this);
            if (next == null) return output;
            if (checkpoints) exec.listener.onCheckpoint(new Checkpoint(next, output, variables.snapshot(), lastEventId));
            name = next;
            input = output;
        }
    }

    void event(String type, ObjectNode details) {
        lastEventId = history.append(lastEventId, type, details);
    }

    void checkLive() {
        exec.checkLive();
        for (Fork.Group g = group; g != null; g = g.parent) g.checkLive();
    }
}
