package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.spi.Entropy;

/**
 * What a path or payload template can see besides "$": the context object "$$" (built only
 * when something reads it), the workflow variables, randomness.
 */
public interface Scope {
    JsonNode context();

    Variables variables();

    Entropy entropy();

    /** A scope with fixed parts (tests, tools). */
    static Scope of(JsonNode context, Variables variables, Entropy entropy) {
        return new Scope() {
            public JsonNode context() { return context; }

            public Variables variables() { return variables; }

            public Entropy entropy() { return entropy; }
        };
    }
}
