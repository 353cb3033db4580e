package io.mlpipe.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.StatesError;

import java.util.concurrent.ConcurrentHashMap;

/** The task tokens waiting for SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, engine-wide. */
public final class TaskTokens {

    static final class Callback {
        final ExecutionRun exec;
        volatile boolean done;
        volatile JsonNode output;
        volatile StatesError failure;
        volatile long lastHeartbeat;

        Callback(ExecutionRun exec) {
            this.exec = exec;
            this.lastHeartbeat = exec.config.time().millis();
        }
    }

    private final ConcurrentHashMap<String, Callback> pending = new ConcurrentHashMap<>();

    String register(ExecutionRun exec) {
        // AWS tokens are long opaque strings; two UUIDs make guessing hopeless.
        String token = (exec.config.entropy().uuid() + exec.config.entropy().uuid()).replace("-", "");
        pending.put(token, new Callback(exec));
        return token;
    }

    Callback get(String token) { return pending.get(token); }

    void remove(String token) { pending.remove(token); }

    /** SendTaskSuccess: false when the token is unknown (finished, timed out, never issued). */
    public boolean succeed(String token, JsonNode output) { return complete(token, output, null); }

    /** SendTaskFailure. */
    public boolean fail(String token, String error, String cause) {
        return complete(token, null, new StatesError(error == null ? "" : error, cause == null ? "" : cause));
    }

    /** SendTaskHeartbeat. */
    public boolean heartbeat(String token) {
        Callback cb = pending.get(token);
        if (cb == null) return false;
        cb.lastHeartbeat = cb.exec.config.time().millis();
        cb.exec.wakeAll();
        return true;
    }

    private boolean complete(String token, JsonNode output, StatesError failure) {
        Callback cb = pending.get(token);
        if (cb == null || cb.done) return false;
        cb.output = output;
        cb.failure = failure;
        cb.done = true;
        cb.exec.wakeAll();
        return true;
    }
}
