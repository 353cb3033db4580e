package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.runtime.StateRun;

import java.util.List;

/**
 * One parsed, immutable state. The executor ({@link io.mlpipe.engine.runtime.StateExecutor})
 * runs the data flow around {@link #execute}: InputPath -> Parameters -> execute ->
 * ResultSelector -> ResultPath -> OutputPath (or Arguments / Output in JSONata), then
 * Retry / Catch when it raised an error.
 */
public interface State {
    String name();

    /** The "Type" field: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map. */
    String type();

    /** The history event type on entry, e.g. "TaskStateEntered". */
    default String enteredEventType() { return type() + "StateEntered"; }

    /** The history event type on exit, e.g. "TaskStateExited". */
    default String exitedEventType() { return type() + "StateExited"; }

    /** The data flow for the state's query language. */
    DataFlow flow();

    /** The "Next" state, or null for an end state (Choice picks its next state at run time). */
    String next();

    List<Retrier> retriers();

    List<Catcher> catchers();

    /** The state's own work on its effective input (after InputPath and Parameters): the raw result. */
    JsonNode execute(JsonNode input, StateRun run);

    /**
     * True for a callback Task: its token must exist before Parameters are evaluated, since
     * "$$.Task.Token" is usually passed in them.
     */
    default boolean needsTaskToken() { return false; }

    /** True when running the state may block (service calls, waits): branches containing it get a thread. */
    default boolean mayBlock() { return false; }
}
