package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Enough to continue an execution at a top-level state: the state about to run, its input,
 * the variables at that moment, and the last event id written (the next event's previous id).
 */
public record Checkpoint(String nextState, JsonNode input, Map<String, JsonNode> variables, long lastEventId) {}
