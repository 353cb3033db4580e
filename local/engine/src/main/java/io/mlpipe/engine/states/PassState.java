package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.runtime.StateRun;

/** "The Pass State ... by default passes its input to its output, performing no work"; "Result" is "treated as the output of a virtual task". */
final class PassState extends AbstractState {
    /** "Result": the fixed result, or null to pass the (Parameters-processed) input. */
    private final JsonNode result;

    PassState(Common common, JsonNode result) {
        super(common);
        this.result = result;
    }

    public String type() { return "Pass"; }

    public JsonNode execute(JsonNode input, StateRun run) { return result != null ? result : input; }
}
