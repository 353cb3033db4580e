package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.HistoryEvent;
import io.mlpipe.engine.spi.TimeSource;

import java.util.ArrayList;
import java.util.List;

/** The append-only event list of one execution; ids are sequential from 1 (or from a resume point). */
final class History {
    private final List<HistoryEvent> events = new ArrayList<>();
    private final ExecutionListener listener;
    private final TimeSource time;
    private long lastId;

    History(ExecutionListener listener, TimeSource time, long lastId) {
        this.listener = listener;
        this.time = time;
        this.lastId = lastId;
    }

    /** Appends an event after {@code previousEventId}; returns its id. */
    synchronized long append(long previousEventId, String type, ObjectNode details) {
        HistoryEvent e = new HistoryEvent(++lastId, previousEventId, time.millis(), type, details == null ? null : detailsKey(type), details);
        events.add(e);
        listener.onEvent(e);
        return e.id();
    }

    synchronized long lastId() { return lastId; }

    ExecutionListener listener() { return listener; }

    synchronized List<HistoryEvent> snapshot() { return List.copyOf(events); }

    /**
     * AWS's details key: "stateEnteredEventDetails" for every XxxStateEntered,
     * "stateExitedEventDetails" for XxxStateExited, else the lower-camel type + "EventDetails".
     */
    static String detailsKey(String type) { return DETAILS_KEYS.computeIfAbsent(type, History::computeDetailsKey); }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> DETAILS_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String computeDetailsKey(String type) {
        if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
        if (type.endsWith("StateExited")) return "stateExitedEventDetails";
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
