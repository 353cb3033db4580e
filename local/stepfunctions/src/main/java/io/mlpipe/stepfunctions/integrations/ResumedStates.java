package io.mlpipe.stepfunctions.integrations;

import io.mlpipe.engine.Checkpoint;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.HistoryEvent;
import io.mlpipe.engine.runtime.ChildExecution;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions resumed after a restart that are still running the top-level state they resumed at. That
 * state runs again from its top, so its Tasks repeat calls that AWS made only once: the process lost their
 * answers, not the services their effects. The integrations ask here to tell such a repeat from a real
 * conflict; once the execution leaves that state (its next checkpoint, or its end) a conflict is one again.
 */
public final class ResumedStates {
    private final Map<String, String> stateByExecution = new ConcurrentHashMap<>();

    /** Notes that {@code executionArn} resumes at {@code stateName}; the listener returned forgets it once it leaves. */
    public ExecutionListener resume(String executionArn, String stateName, ExecutionListener listener) {
        stateByExecution.put(executionArn, stateName);
        return new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                listener.onEvent(event);
            }

            @Override
            public boolean wantsCheckpoints() {
                return listener.wantsCheckpoints();
            }

            @Override
            public void onCheckpoint(Checkpoint checkpoint) {
                stateByExecution.remove(executionArn);
                listener.onCheckpoint(checkpoint);
            }

            @Override
            public void onFinished(ExecutionResult result) {
                stateByExecution.remove(executionArn);
                listener.onFinished(result);
            }

            @Override
            public ExecutionListener onChildExecution(ChildExecution child) {
                return listener.onChildExecution(child);
            }
        };
    }

    /** The state the execution resumed at, while it runs that state again (Tasks nested in it included); else null. */
    public String rerunState(String executionArn) {
        return stateByExecution.get(executionArn);
    }
}
