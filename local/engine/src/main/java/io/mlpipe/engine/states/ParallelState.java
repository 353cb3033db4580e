package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.Fork;
import io.mlpipe.engine.runtime.StateRun;

import java.util.List;

/**
 * "The Parallel State causes parallel execution of branches": each branch gets the effective
 * input; "the result is an array with one element per branch, in Branches order"; "if any branch
 * fails ... the Parallel State fails" with that error, and the other branches are stopped.
 */
final class ParallelState extends AbstractState {
    private final List<StateGraph> branches;
    private final boolean mayBlock;

    ParallelState(Common common, List<StateGraph> branches) {
        super(common);
        this.branches = branches;
        this.mayBlock = branches.stream().anyMatch(StateGraph::mayBlock);
    }

    public String type() { return "Parallel"; }

    @Override
    public boolean mayBlock() { return mayBlock; }

    public JsonNode execute(JsonNode input, StateRun run) {
        run.event("ParallelStateStarted", null);
        Fork.Outcome[] outcomes = run.fork(branches.size(), 0, mayBlock, (failures, count) -> failures > 0,
                (i, child) -> StateRun.runGraph(child, branches.get(i), input));
        ArrayNode result = Json.NODES.arrayNode(outcomes.length);
        StatesError firstAbort = null;
        for (Fork.Outcome o : outcomes) {
            if (o == null) continue;
            if (o.error() != null) {
                if (!Fork.isAbort(o.error())) {
                    run.event("ParallelStateFailed", null);
                    throw o.error();
                }
                firstAbort = o.error();
            }
            result.add(o.output());
        }
        if (firstAbort != null) throw firstAbort;
        run.event("ParallelStateSucceeded", null);
        return result;
    }
}
