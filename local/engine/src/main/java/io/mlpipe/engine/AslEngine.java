package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Variables;
import io.mlpipe.engine.runtime.ExecutionRun;
import io.mlpipe.engine.runtime.TaskTokens;

/**
 * The engine: runs executions of parsed definitions. Thread-safe; one instance serves many
 * concurrent executions. Task tokens are engine-wide, so SendTask* needs only the token.
 *
 * <pre>
 * AslEngine engine = new AslEngine(EngineConfig.defaults().withIntegration(myServices).withWaitScale(0));
 * StateMachineDefinition def = StateMachineDefinition.parse(json);           // throws DefinitionException
 * Execution ex = engine.start(def, ExecutionRequest.of("run-1", input), listener);  // async
 * ExecutionResult r = ex.await(1, TimeUnit.MINUTES);
 * </pre>
 */
public final class AslEngine {
    private final EngineConfig config;
    private final TaskTokens tokens = new TaskTokens();

    public AslEngine(EngineConfig config) {
        this.config = config;
    }

    public EngineConfig config() { return config; }

    /** StartExecution: runs on the engine's executor; returns at once. */
    public Execution start(StateMachineDefinition definition, ExecutionRequest request, ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(config, tokens, definition, request, listener, 0);
        config.executor().execute(() -> run.run(definition.startAt(), request.input(), Variables.root(), true));
        return new Execution(run);
    }

    /** Runs an execution to its end on the calling thread (StartSyncExecution, tools, benchmarks). */
    public ExecutionResult run(StateMachineDefinition definition, ExecutionRequest request, ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(config, tokens, definition, request, listener, 0);
        return run.run(definition.startAt(), request.input(), Variables.root(), true);
    }

    /** Like {@link #run} but keeps the handle (for the history). */
    public Execution runToEnd(StateMachineDefinition definition, ExecutionRequest request, ExecutionListener listener) {
        ExecutionRun run = new ExecutionRun(config, tokens, definition, request, listener, 0);
        run.run(definition.startAt(), request.input(), Variables.root(), true);
        return new Execution(run);
    }

    /**
     * Continues an execution after a restart from {@code point} (the last checkpoint the listener
     * got): no ExecutionStarted; event ids continue after {@code point.lastEventId()}. Async.
     */
    public Execution resume(StateMachineDefinition definition, ExecutionRequest request, ResumePoint point, ExecutionListener listener) {
        if (!definition.hasState(point.stateName())) throw new IllegalArgumentException("No top-level state named " + point.stateName());
        ExecutionRun run = new ExecutionRun(config, tokens, definition, request, listener, point.lastEventId());
        Variables variables = Variables.root();
        if (point.variables() != null) variables.putAll(point.variables());
        config.executor().execute(() -> run.run(point.stateName(), point.input(), variables, false));
        return new Execution(run);
    }

    /** SendTaskSuccess; false when no task waits for this token (AWS: TaskDoesNotExist / InvalidToken). */
    public boolean sendTaskSuccess(String taskToken, JsonNode output) { return tokens.succeed(taskToken, output); }

    /** SendTaskFailure. */
    public boolean sendTaskFailure(String taskToken, String error, String cause) { return tokens.fail(taskToken, error, cause); }

    /** SendTaskHeartbeat. */
    public boolean sendTaskHeartbeat(String taskToken) { return tokens.heartbeat(taskToken); }
}
