package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.runtime.StateRun;

/**
 * "A Wait state causes the interpreter to delay the machine from continuing for a specified
 * time": exactly one of Seconds, SecondsPath, Timestamp, TimestampPath (JSONata: Seconds or
 * Timestamp, possibly expressions). The delay is multiplied by the engine's wait scale.
 */
final class WaitState extends AbstractState {
    /** Computes when to resume: either a number of seconds or an instant (epoch millis). */
    interface Until {
        /** Seconds to wait from now, or a negative value when {@link #instantMillis} applies. */
        double seconds(JsonNode input, StateRun run);

        /** The clock time to wait for (only when seconds() is negative). */
        default long instantMillis(JsonNode input, StateRun run) { return 0; }
    }

    private final Until until;

    WaitState(Common common, Until until) {
        super(common);
        this.until = until;
    }

    public String type() { return "Wait"; }

    @Override
    public boolean mayBlock() { return true; }

    public JsonNode execute(JsonNode input, StateRun run) {
        double seconds = until.seconds(input, run);
        if (seconds >= 0) {
            run.sleepScaled(seconds);
        } else {
            long delta = until.instantMillis(input, run) - run.now();
            // "If the timestamp is in the past, the Wait state does not wait."
            if (delta > 0) run.sleepScaled(delta / 1000.0);
        }
        return input;
    }
}
