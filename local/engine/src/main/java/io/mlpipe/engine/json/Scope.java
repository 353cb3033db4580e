package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.spi.Entropy;
import io.mlpipe.engine.spi.TimeSource;

/**
 * What a path or payload template can see besides "$": the context object "$$" (built only
 * when something reads it), the workflow variables, randomness, the engine's clock.
 */
public interface Scope {
    JsonNode context();

    Variables variables();

    Entropy entropy();

    /** The engine's clock ($now() and $millis() in JSONata read it, never the wall). */
    TimeSource time();

    /** A scope with fixed parts (tests, tools), on the system clock. */
    static Scope of(JsonNode context, Variables variables, Entropy entropy) {
        return new Scope() {
            public JsonNode context() { return context; }

            public Variables variables() { return variables; }

            public Entropy entropy() { return entropy; }

            public TimeSource time() { return TimeSource.system(); }
        };
    }
}
