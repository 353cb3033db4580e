package io.mlpipe.bench.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Where an execution's time went, from its history: per state name, the time from each StateEntered to its
 * StateExited, summed over every entry (a wait loop enters its states once per round), and the count of
 * entries. States in the order they were first entered.
 */
final class StateTimes {
    /** One state's total time and how many times it was entered. */
    record Time(Duration total, int entries) {
        static final Time NONE = new Time(Duration.ZERO, 0);

        Time entered() {
            return new Time(total, entries + 1);
        }

        Time plus(Duration more) {
            return new Time(total.plus(more), entries);
        }
    }

    private final Map<String, Time> states;

    private StateTimes(Map<String, Time> states) {
        this.states = states;
    }

    static StateTimes of(List<HistoryEvent> history) {
        Map<String, Time> states = new LinkedHashMap<>();
        Map<String, Instant> entered = new HashMap<>();
        for (HistoryEvent event : history) {
            if (event.stateEnteredEventDetails() != null) {
                String name = event.stateEnteredEventDetails().name();
                entered.put(name, event.timestamp());
                states.put(name, states.getOrDefault(name, Time.NONE).entered());
            } else if (event.stateExitedEventDetails() != null) {
                String name = event.stateExitedEventDetails().name();
                Instant from = entered.remove(name);
                if (from != null) {
                    states.put(name, states.get(name).plus(Duration.between(from, event.timestamp())));
                }
            }
        }
        return new StateTimes(Collections.unmodifiableMap(states));
    }

    /** Every state entered, in the order first entered. */
    Map<String, Time> states() {
        return states;
    }

    /** The sum of the states' times: the execution's time less what it spent between states. */
    Duration inStates() {
        return states.values().stream().map(Time::total).reduce(Duration.ZERO, Duration::plus);
    }
}
