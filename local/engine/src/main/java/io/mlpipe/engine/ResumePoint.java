package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Where to continue an execution after a restart: a top-level state, its input, the variables,
 * and the id of the last event already recorded (new events continue from there).
 * A {@link Checkpoint} converts directly.
 */
public record ResumePoint(String stateName, JsonNode input, Map<String, JsonNode> variables, long lastEventId) {
    public static ResumePoint of(Checkpoint c) { return new ResumePoint(c.nextState(), c.input(), c.variables(), c.lastEventId()); }
}
