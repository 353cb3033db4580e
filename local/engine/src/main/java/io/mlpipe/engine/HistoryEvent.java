package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One event of an execution's history, as GetExecutionHistory returns it: id (from 1),
 * previousEventId, timestamp, type (ExecutionStarted, TaskStateEntered, ...) and the details
 * object under AWS's key (stateEnteredEventDetails, taskScheduledEventDetails, ...).
 * Payloads (input, output, parameters) are kept as trees and only turned into the JSON strings
 * AWS uses when {@link #toJson()} is called, so recording history costs no serialization.
 */
public record HistoryEvent(long id, long previousEventId, long timestampMillis, String type, String detailsKey,
                           ObjectNode details) {

    /** Detail fields that AWS sends as JSON text, each with a "...Details": {"truncated": false} sibling. */
    private static final Set<String> PAYLOADS = Set.of("input", "output", "parameters");

    /** The event in GetExecutionHistory's JSON shape (timestamp in epoch seconds). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("timestamp", BigDecimal.valueOf(timestampMillis, 3));
        o.put("type", type);
        o.put("id", id);
        o.put("previousEventId", previousEventId);
        if (detailsKey != null) o.set(detailsKey, detailsJson());
        return o;
    }

    /** The details with payloads as JSON strings. */
    public ObjectNode detailsJson() {
        ObjectNode d = Json.object();
        if (details == null) return d;
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
            var e = it.next();
            String k = e.getKey();
            if (PAYLOADS.contains(k)) {
                d.put(k, e.getValue().isTextual() && k.equals("parameters") ? e.getValue().textValue() : Json.write(e.getValue()));
                d.putObject(k + "Details").put("truncated", false);
            } else if (k.equals("assignedVariables")) {
                ObjectNode vars = d.putObject(k);
                e.getValue().fields().forEachRemaining(v -> vars.put(v.getKey(), Json.write(v.getValue())));
                d.putObject("assignedVariablesDetails").put("truncated", false);
            } else {
                d.set(k, e.getValue());
            }
        }
        return d;
    }

    /** A payload field of the details as a tree (e.g. "output"), or null. */
    public JsonNode payload(String field) { return details == null ? null : details.get(field); }
}
