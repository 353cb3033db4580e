package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.runtime.StateRun;

/**
 * "The Fail State ... terminates the machine and marks it as a failure"; "Error" and "Cause"
 * (or "ErrorPath"/"CausePath": a path or intrinsic evaluated on the state input; JSONata
 * expressions in JSONata) give the error name and cause.
 */
final class FailState extends AbstractState {
    private final Text error;
    private final Text cause;

    /** A text that is fixed, or computed from the input. */
    interface Text { String of(JsonNode input, StateRun run); }

    FailState(Common common, Text error, Text cause) {
        super(common);
        this.error = error;
        this.cause = cause;
    }

    public String type() { return "Fail"; }

    public JsonNode execute(JsonNode input, StateRun run) {
        throw new StatesError(error.of(input, run), cause.of(input, run));
    }
}
