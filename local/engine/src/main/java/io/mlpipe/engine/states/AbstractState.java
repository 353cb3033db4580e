package io.mlpipe.engine.states;

import java.util.List;

/** The fields every state has. */
abstract class AbstractState implements State {
    private final String name;
    private final DataFlow flow;
    private final String next;
    private final List<Retrier> retriers;
    private final List<Catcher> catchers;
    /** Built on first use (type() is not callable in the constructor), then shared by every execution. */
    private String entered;
    private String exited;

    AbstractState(Common common) {
        this.name = common.name();
        this.flow = common.flow();
        this.next = common.next();
        this.retriers = common.retriers();
        this.catchers = common.catchers();
    }

    /** What the parser reads for every state. */
    record Common(String name, DataFlow flow, String next, List<Retrier> retriers, List<Catcher> catchers) {}

    public final String name() { return name; }

    @Override
    public final String enteredEventType() {
        String e = entered;
        if (e == null) entered = e = type() + "StateEntered";
        return e;
    }

    @Override
    public final String exitedEventType() {
        String e = exited;
        if (e == null) exited = e = type() + "StateExited";
        return e;
    }

    public final DataFlow flow() { return flow; }

    public final String next() { return next; }

    public final List<Retrier> retriers() { return retriers; }

    public final List<Catcher> catchers() { return catchers; }

    @Override
    public String toString() { return type() + " " + name; }
}
