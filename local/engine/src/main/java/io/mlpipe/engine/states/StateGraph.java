package io.mlpipe.engine.states;

import java.util.Map;

/**
 * A "StartAt" + "States" pair: the top level, a Parallel branch, or a Map's ItemProcessor.
 * {@link #mayBlock()} is precomputed: a graph of pure states (Pass, Choice, Succeed, Fail and
 * pure nested graphs) runs on the caller's thread; one with Task or Wait states gets threads.
 */
public record StateGraph(String startAt, Map<String, State> states, boolean mayBlock) {

    public State get(String name) { return states.get(name); }

    public static StateGraph of(String startAt, Map<String, State> states) {
        boolean block = false;
        for (State s : states.values()) block |= s.mayBlock();
        return new StateGraph(startAt, Map.copyOf(states), block);
    }
}
