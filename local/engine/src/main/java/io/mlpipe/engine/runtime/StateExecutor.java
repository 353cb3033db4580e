package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.states.Assignment;
import io.mlpipe.engine.states.Catcher;
import io.mlpipe.engine.states.DataFlow;
import io.mlpipe.engine.states.Retrier;
import io.mlpipe.engine.states.State;

import java.util.List;
import java.util.Set;

/**
 * Runs one state, in the order the specification gives: InputPath -> Parameters/Arguments ->
 * the state's work -> ResultSelector -> Assign + ResultPath -> OutputPath/Output; on an error,
 * "the interpreter scans the Retriers in order ... the first whose ErrorEquals matches" retries
 * (while it has attempts left), else "the first matching Catcher" transitions to its Next;
 * otherwise the error fails the branch.
 */
public final class StateExecutor {
    private StateExecutor() {}

    /** The state types that take time and so have a *StateAborted event when StopExecution interrupts them. */
    private static final Set<String> ABORTABLE = Set.of("Task", "Map", "Parallel", "Wait");

    static JsonNode execute(State state, JsonNode raw, Branch branch) {
        StateRun run = new StateRun(branch, state);
        branch.event(state.enteredEventType(), entered(state.name(), raw));
        int[] attempts = null;
        while (true) {
            try {
                return runOnce(state, raw, branch, run);
            } catch (StatesError error) {
                if (run.taskToken() != null) run.dropTaskToken(run.taskToken());
                if (Fork.isAbort(error)) throw aborted(state, branch, error);
                List<Retrier> retriers = state.retriers();
                Retrier retrier = null;
                int index = 0;
                for (; index < retriers.size(); index++) {
                    if (retriers.get(index).matches(error.error())) {
                        retrier = retriers.get(index);
                        break;
                    }
                }
                if (retrier != null) {
                    if (attempts == null) attempts = new int[retriers.size()];
                    // "MaxAttempts ... the maximum number of retry attempts" per Retrier; exhausted -> Catch.
                    if (attempts[index] < retrier.maxAttempts()) {
                        double delay = retrier.delaySeconds(attempts[index]);
                        if (retrier.fullJitter()) delay *= run.entropy().nextDouble();
                        attempts[index]++;
                        try {
                            run.sleepScaled(delay);
                        } catch (StatesError stop) {
                            throw aborted(state, branch, stop);
                        }
                        run.retried();
                        continue;
                    }
                }
                for (Catcher catcher : state.catchers()) {
                    if (catcher.matches(error.error())) return caught(state, raw, branch, run, catcher, error);
                }
                throw error;
            }
        }
    }

    /** An abort ends the state; StopExecution also records Task/Map/Parallel/WaitStateAborted for a state that takes time. */
    private static StatesError aborted(State state, Branch branch, StatesError error) {
        if (Fork.isStop(error) && ABORTABLE.contains(state.type())) branch.event(state.type() + "StateAborted", null);
        return error;
    }

    private static JsonNode runOnce(State state, JsonNode raw, Branch branch, StateRun run) {
        DataFlow flow = state.flow();
        JsonNode effective = flow.input(raw, run);
        run.effectiveInput = effective;
        if (state.needsTaskToken()) run.newTaskToken();
        JsonNode parameters = flow.parameters(raw, effective, run);
        JsonNode result = state.execute(parameters, run);
        JsonNode selected = flow.select(result, run);
        // Assign and Output both see the variables as they were when the state started.
        ObjectNode assigned = assign(flow.assign(), raw, selected, null, run);
        if (run.chosenAssign != null) assigned = merge(assigned, assign(run.chosenAssign, raw, selected, null, run));
        JsonNode output = run.chosenOutput != null
                ? run.chosenOutput.evaluate(new JsonataScope(raw, selected, null, run))
                : flow.output(raw, selected, run);
        branch.next = run.chosenNext != null ? run.chosenNext : state.next();
        exit(state, branch, output, assigned);
        return output;
    }

    private static JsonNode caught(State state, JsonNode raw, Branch branch, StateRun run, Catcher catcher, StatesError error) {
        ObjectNode errorOutput = Json.object();
        errorOutput.put("Error", error.error());
        errorOutput.put("Cause", error.cause());
        ObjectNode assigned = assign(catcher.assign(), raw, null, errorOutput, run);
        JsonNode output = catcher.output(raw, errorOutput, run);
        branch.next = catcher.next();
        exit(state, branch, output, assigned);
        return output;
    }

    private static void exit(State state, Branch branch, JsonNode output, ObjectNode assigned) {
        if (assigned != null) assigned.fields().forEachRemaining(e -> branch.variables.put(e.getKey(), e.getValue()));
        ObjectNode d = Json.object();
        d.put("name", state.name());
        d.set("output", output);
        if (assigned != null && !assigned.isEmpty()) d.set("assignedVariables", assigned);
        branch.event(state.exitedEventType(), d);
    }

    private static ObjectNode assign(Assignment a, JsonNode raw, JsonNode result, JsonNode errorOutput, StateRun run) {
        return a == null ? null : a.evaluate(raw, result, errorOutput, run);
    }

    private static ObjectNode merge(ObjectNode a, ObjectNode b) {
        if (a == null) return b;
        ObjectNode m = a.deepCopy();
        m.setAll(b);
        return m;
    }

    static ObjectNode entered(String name, JsonNode input) {
        ObjectNode d = Json.object();
        d.put("name", name);
        d.set("input", input);
        return d;
    }
}
