package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.AslEngine;
import io.mlpipe.engine.DefinitionException;
import io.mlpipe.engine.EngineConfig;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionRequest;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.ResumePoint;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.stepfunctions.integrations.ResumedStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The executions of every state machine: started on the engine, recorded under
 * {@code executions/<state machine>/<execution>/}, resumed after a restart.
 */
final class Executions implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Executions.class.getName());

    /** How SendTask* ended, so the API can answer with AWS's error. */
    enum TaskAnswer { ACCEPTED, CLOSED, UNKNOWN }

    private final Path directory;
    private final Arns arns;
    private final AslEngine engine;
    private final ExecutorService threads;
    private final AtomicBoolean live = new AtomicBoolean(true);
    private final Map<String, ExecutionRecord> byArn = new ConcurrentHashMap<>();
    /** Task tokens this service handed out (callback tasks), to tell a closed task from a made-up token. */
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Consumer<ExecutionRecord> onStatusChange;
    private final ResumedStates resumed;

    /** @param resumed where resumed executions are noted, for the integrations that {@code integration} calls */
    Executions(Path directory, Arns arns, ServiceIntegration integration, ResumedStates resumed, double waitScale,
               Consumer<ExecutionRecord> onStatusChange) {
        this.directory = directory;
        this.arns = arns;
        this.onStatusChange = onStatusChange;
        this.resumed = resumed;
        // the service's own threads, so closing it ends its executions as a process exit would
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stepfunctions-execution");
            t.setDaemon(true);
            return t;
        });
        ServiceIntegration tracking = request -> {
            if (request.taskToken() != null) {
                issuedTokens.add(request.taskToken());
            }
            return integration.invoke(request);
        };
        this.engine = new AslEngine(new EngineConfig(tracking, null, null, waitScale, arns.region(), threads));
    }

    // ------------------------------------------------------------------ restart

    /** Loads every recorded execution, so the API serves them; {@link #resumeRunning()} continues the running ones. */
    void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.find(directory, 3, (p, a) -> p.getFileName().toString().equals(ExecutionRecord.DESCRIPTION))) {
            files.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path description : found) {
            try {
                ExecutionRecord record = ExecutionRecord.load(description.getParent(), live::get, onStatusChange);
                byArn.put(record.arn(), record);
            } catch (RuntimeException e) {
                LOG.warning("execution " + description.getParent() + " is unreadable, skipped: " + e);
            }
        }
    }

    /** Continues every loaded execution that was running when the service last stopped. */
    synchronized void resumeRunning() {
        for (ExecutionRecord record : byArn.values()) {
            if (record.status() == ExecutionStatus.RUNNING && record.handle() == null) {
                resume(record);
            }
        }
    }

    private void resume(ExecutionRecord record) {
        if (record.finishFromHistory()) {
            return;
        }
        StateMachineDefinition definition;
        JsonNode input;
        try {
            definition = StateMachineDefinition.parse(record.definitionText());
            input = Json.parse(record.inputText());
        } catch (DefinitionException | IllegalArgumentException e) {
            record.failWithoutEngine(ErrorNames.RUNTIME, "The execution could not be resumed after the twin restarted: " + e.getMessage());
            return;
        }
        ExecutionRequest request = request(record, input);
        if (record.history().isEmpty()) {
            // the process died before ExecutionStarted was written: nothing ran yet, start it afresh
            record.attach(engine.start(definition, request, record));
            return;
        }
        ResumePoint point = record.resumePoint(definition.startAt(), input);
        if (!definition.hasState(point.stateName())) {
            record.failWithoutEngine(ErrorNames.RUNTIME, "The execution could not be resumed after the twin restarted:"
                    + " its checkpoint names the state '" + point.stateName() + "', which its definition does not have");
            return;
        }
        // The checkpoint is taken after each top-level transition. A state that was running when the process
        // died (a Task in flight, a Wait, a callback waiting for its token, a whole Map or Parallel) is run again
        // from its top: a Task's service call may happen twice, as when AWS retries it (a .sync training task
        // attaches to the job it had created, see ResumedStates), and a callback task hands out a new token.
        LOG.info("resuming " + record.arn() + " at state '" + point.stateName() + "'");
        record.attach(engine.resume(definition, request, point, resumed.resume(record.arn(), point.stateName(), record)));
    }

    // ------------------------------------------------------------------ StartExecution

    /**
     * AWS's name rules: the same name with the same input while the first execution runs is the same
     * execution; any other reuse of a name is ExecutionAlreadyExists.
     */
    ExecutionRecord start(StateMachine machine, String name, String inputText, JsonNode input) {
        String arn = arns.execution(machine.name(), name);
        synchronized (this) {
            ExecutionRecord existing = byArn.get(arn);
            if (existing != null) {
                if (existing.status() == ExecutionStatus.RUNNING && Json.parse(existing.inputText()).equals(input)) {
                    return existing;
                }
                throw AwsError.client("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            long now = System.currentTimeMillis();
            Path dir = directory.resolve(Storage.directoryName(machine.name())).resolve(Storage.directoryName(name));
            ExecutionRecord record = ExecutionRecord.create(dir, arn, name, machine.arn(), machine.name(),
                    machine.roleArn(), machine.definitionText(), inputText, now, live::get, onStatusChange);
            byArn.put(arn, record);
            onStatusChange.accept(record); // RUNNING: before the engine runs, which may end it at once
            record.attach(engine.start(machine.definition(), request(record, input), record));
            return record;
        }
    }

    /** StartSyncExecution: runs on the caller's thread; Express executions are not recorded. */
    ExecutionResult runSync(StateMachine machine, String arn, String name, JsonNode input, long startMillis) {
        ExecutionRequest request = new ExecutionRequest(arn, name, machine.arn(), machine.name(), machine.roleArn(), input,
                startMillis);
        return engine.run(machine.definition(), request, ExecutionListener.NONE);
    }

    private static ExecutionRequest request(ExecutionRecord record, JsonNode input) {
        return new ExecutionRequest(record.arn(), record.name(), record.stateMachineArn(), record.stateMachineName(),
                record.roleArn(), input, record.startMillis());
    }

    // ------------------------------------------------------------------ the rest of the API

    ExecutionRecord get(String arn) {
        return byArn.get(arn);
    }

    /** Newest first. */
    List<ExecutionRecord> list(String stateMachineArn) {
        List<ExecutionRecord> all = new ArrayList<>();
        for (ExecutionRecord r : byArn.values()) {
            if (r.stateMachineArn().equals(stateMachineArn)) {
                all.add(r);
            }
        }
        all.sort(Comparator.comparingLong(ExecutionRecord::startMillis).reversed().thenComparing(ExecutionRecord::name));
        return all;
    }

    /** StopExecution: waits (briefly) until the execution has ended, so DescribeExecution says ABORTED at once. */
    void stop(ExecutionRecord record, String error, String cause) {
        synchronized (this) {
            if (record.status() != ExecutionStatus.RUNNING) {
                return;
            }
            if (record.handle() == null) {
                record.abortWithoutEngine(error, cause);
                return;
            }
        }
        record.handle().stop(error, cause);
        try {
            record.handle().await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 200 && record.status() == ExecutionStatus.RUNNING; i++) {
                Thread.sleep(5); // the listener records the end just after the engine reports it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    TaskAnswer succeed(String token, JsonNode output) {
        return answer(token, engine.sendTaskSuccess(token, output));
    }

    TaskAnswer fail(String token, String error, String cause) {
        return answer(token, engine.sendTaskFailure(token, error, cause));
    }

    TaskAnswer heartbeat(String token) {
        return answer(token, engine.sendTaskHeartbeat(token));
    }

    private TaskAnswer answer(String token, boolean accepted) {
        if (accepted) {
            return TaskAnswer.ACCEPTED;
        }
        return issuedTokens.contains(token) ? TaskAnswer.CLOSED : TaskAnswer.UNKNOWN;
    }

    /** Ends every execution of this process without recording anything more: a restart resumes them. */
    @Override
    public void close() {
        live.set(false);
        threads.shutdownNow();
        byArn.values().forEach(ExecutionRecord::release);
    }
}
