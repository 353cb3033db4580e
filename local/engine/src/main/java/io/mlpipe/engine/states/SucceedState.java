package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.runtime.StateRun;

/** "The Succeed State ... terminates a state machine successfully"; its output is its (processed) input. */
final class SucceedState extends AbstractState {
    SucceedState(Common common) { super(common); }

    public String type() { return "Succeed"; }

    public JsonNode execute(JsonNode input, StateRun run) { return input; }
}
