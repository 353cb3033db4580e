package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.Checkpoint;
import io.mlpipe.engine.Execution;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.HistoryEvent;
import io.mlpipe.engine.ResumePoint;
import io.mlpipe.engine.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One execution, kept durable as it runs: {@code execution.json} (what DescribeExecution answers, plus
 * the definition it runs), {@code history.jsonl} (one GetExecutionHistory event per line, appended and
 * flushed as each event happens) and {@code checkpoint.json} (the engine's last top-level checkpoint,
 * from which a restart resumes).
 */
final class ExecutionRecord implements ExecutionListener {
    private static final Logger LOG = Logger.getLogger(ExecutionRecord.class.getName());
    static final String DESCRIPTION = "execution.json";
    static final String HISTORY = "history.jsonl";
    static final String CHECKPOINT = "checkpoint.json";

    private final Path directory;
    private final String arn;
    private final String name;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String roleArn;
    private final String definitionText;
    private final String inputText;
    private final long startMillis;
    /** False once the service is closed: a dying process records nothing more (a restart resumes instead). */
    private final BooleanSupplier live;
    private final Consumer<ExecutionRecord> onStatusChange;
    private final List<ObjectNode> history = new ArrayList<>();
    private Writer historyFile;
    private volatile ExecutionStatus status;
    private volatile long stopMillis;
    private volatile String output;
    private volatile String error;
    private volatile String cause;
    private volatile Execution handle;

    ExecutionRecord(Path directory, String arn, String name, String stateMachineArn, String stateMachineName,
                    String roleArn, String definitionText, String inputText, long startMillis, BooleanSupplier live,
                    Consumer<ExecutionRecord> onStatusChange) {
        this.directory = directory;
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.roleArn = roleArn;
        this.definitionText = definitionText;
        this.inputText = inputText;
        this.startMillis = startMillis;
        this.live = live;
        this.onStatusChange = onStatusChange;
        this.status = ExecutionStatus.RUNNING;
    }

    /** A new execution: its description is on disk before the engine runs its first state. */
    static ExecutionRecord create(Path directory, String arn, String name, String stateMachineArn, String stateMachineName,
                                  String roleArn, String definitionText, String inputText, long startMillis,
                                  BooleanSupplier live, Consumer<ExecutionRecord> onStatusChange) {
        ExecutionRecord record = new ExecutionRecord(directory, arn, name, stateMachineArn, stateMachineName, roleArn,
                definitionText, inputText, startMillis, live, onStatusChange);
        record.saveDescription();
        return record;
    }

    /** An execution as a previous run of the twin left it (history lines that were cut short are dropped). */
    static ExecutionRecord load(Path directory, BooleanSupplier live, Consumer<ExecutionRecord> onStatusChange) {
        JsonNode d = Storage.read(directory.resolve(DESCRIPTION));
        ExecutionRecord record = new ExecutionRecord(directory, d.path("executionArn").asText(), d.path("name").asText(),
                d.path("stateMachineArn").asText(), d.path("stateMachineName").asText(), d.path("roleArn").asText(),
                d.path("definition").asText(), d.path("input").asText(), d.path("startMillis").asLong(), live,
                onStatusChange);
        record.status = ExecutionStatus.valueOf(d.path("status").asText());
        record.stopMillis = d.path("stopMillis").asLong();
        record.output = d.path("output").asText(null);
        record.error = d.path("error").asText(null);
        record.cause = d.path("cause").asText(null);
        record.history.addAll(readHistory(directory.resolve(HISTORY)));
        return record;
    }

    private static List<ObjectNode> readHistory(Path file) {
        List<ObjectNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    events.add((ObjectNode) Json.parse(line));
                } catch (IllegalArgumentException e) {
                    LOG.warning("history " + file + ": an event cut short by a crash was dropped");
                    rewrite(file, events); // so that the events appended from now on start on a line of their own
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static void rewrite(Path file, List<ObjectNode> events) throws IOException {
        StringBuilder text = new StringBuilder();
        events.forEach(event -> text.append(Json.write(event)).append('\n'));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    // ------------------------------------------------------------------ the engine's listener

    @Override
    public void onEvent(HistoryEvent event) {
        record(event.toJson());
    }

    @Override
    public boolean wantsCheckpoints() {
        return true;
    }

    @Override
    public void onCheckpoint(Checkpoint checkpoint) {
        if (!live.getAsBoolean()) {
            return;
        }
        ObjectNode c = Json.object().put("nextState", checkpoint.nextState()).put("lastEventId", checkpoint.lastEventId());
        c.set("input", checkpoint.input());
        ObjectNode variables = c.putObject("variables");
        if (checkpoint.variables() != null) {
            checkpoint.variables().forEach(variables::set);
        }
        Storage.write(directory.resolve(CHECKPOINT), c);
    }

    @Override
    public void onFinished(ExecutionResult result) {
        if (!live.getAsBoolean()) {
            return;
        }
        finish(result.status(), result.output() == null ? null : Json.write(result.output()), result.error(),
                result.cause(), lastEventMillis());
    }

    private synchronized void record(ObjectNode event) {
        if (!live.getAsBoolean()) {
            return;
        }
        history.add(event);
        try {
            if (historyFile == null) {
                historyFile = Files.newBufferedWriter(directory.resolve(HISTORY), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            historyFile.write(Json.write(event));
            historyFile.write('\n');
            historyFile.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(ExecutionStatus finalStatus, String finalOutput, String finalError, String finalCause, long at) {
        synchronized (this) {
            output = finalOutput;
            error = finalError;
            cause = finalCause;
            stopMillis = at;
            status = finalStatus;
            saveDescription();
            closeHistoryFile();
        }
        onStatusChange.accept(this);
    }

    // ------------------------------------------------------------------ restart

    /** Where to continue after a restart: the last checkpoint, or the start state when none was reached. */
    ResumePoint resumePoint(String startAt, JsonNode input) {
        long lastEventId = lastEventId();
        Path file = directory.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return new ResumePoint(startAt, input, Map.of(), lastEventId);
        }
        JsonNode c = Storage.read(file);
        Map<String, JsonNode> variables = new HashMap<>();
        c.path("variables").fields().forEachRemaining(v -> variables.put(v.getKey(), v.getValue()));
        // ids continue after the last event written, which may be past the checkpoint (the state that was running)
        return new ResumePoint(c.path("nextState").asText(), c.path("input"), variables, lastEventId);
    }

    /**
     * Ends an execution that cannot continue, visibly: an ExecutionFailed event in its history and the
     * FAILED status, as AWS would show an execution failing with States.Runtime.
     */
    void failWithoutEngine(String failError, String failCause) {
        endWithoutEngine(ExecutionStatus.FAILED, "ExecutionFailed", failError, failCause);
    }

    /** StopExecution of an execution the engine is not running (loaded after a restart, not resumed yet). */
    void abortWithoutEngine(String abortError, String abortCause) {
        endWithoutEngine(ExecutionStatus.ABORTED, "ExecutionAborted", abortError, abortCause);
    }

    private void endWithoutEngine(ExecutionStatus end, String type, String endError, String endCause) {
        long now = System.currentTimeMillis();
        long last = lastEventId();
        ObjectNode event = Json.object();
        event.put("timestamp", BigDecimal.valueOf(now, 3));
        event.put("type", type);
        event.put("id", last + 1);
        event.put("previousEventId", last);
        ObjectNode details = event.putObject(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails");
        if (endError != null) {
            details.put("error", endError);
        }
        if (endCause != null) {
            details.put("cause", endCause);
        }
        record(event);
        finish(end, null, endError, endCause, now);
    }

    /** When the process died after the final event was written but before the description was. */
    boolean finishFromHistory() {
        ObjectNode last = lastEvent();
        if (last == null) {
            return false;
        }
        String type = last.path("type").asText();
        ExecutionStatus end = switch (type) {
            case "ExecutionSucceeded" -> ExecutionStatus.SUCCEEDED;
            case "ExecutionFailed" -> ExecutionStatus.FAILED;
            case "ExecutionAborted" -> ExecutionStatus.ABORTED;
            case "ExecutionTimedOut" -> ExecutionStatus.TIMED_OUT;
            default -> null;
        };
        if (end == null) {
            return false;
        }
        JsonNode details = last.path(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails");
        finish(end, details.path("output").asText(null), details.path("error").asText(null),
                details.path("cause").asText(null), last.path("timestamp").decimalValue().movePointRight(3).longValue());
        return true;
    }

    // ------------------------------------------------------------------ what the API reads

    synchronized List<ObjectNode> history() {
        return List.copyOf(history);
    }

    private synchronized ObjectNode lastEvent() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    synchronized long lastEventId() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).path("id").asLong();
    }

    private long lastEventMillis() {
        ObjectNode last = lastEvent();
        return last == null ? System.currentTimeMillis() : last.path("timestamp").decimalValue().movePointRight(3).longValue();
    }

    String arn() {
        return arn;
    }

    String name() {
        return name;
    }

    String stateMachineArn() {
        return stateMachineArn;
    }

    String stateMachineName() {
        return stateMachineName;
    }

    String roleArn() {
        return roleArn;
    }

    String definitionText() {
        return definitionText;
    }

    String inputText() {
        return inputText;
    }

    long startMillis() {
        return startMillis;
    }

    ExecutionStatus status() {
        return status;
    }

    long stopMillis() {
        return stopMillis;
    }

    String output() {
        return output;
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }

    Execution handle() {
        return handle;
    }

    void attach(Execution running) {
        this.handle = running;
    }

    private void saveDescription() {
        ObjectNode d = Json.object().put("executionArn", arn).put("name", name).put("stateMachineArn", stateMachineArn)
                .put("stateMachineName", stateMachineName).put("roleArn", roleArn).put("definition", definitionText)
                .put("input", inputText).put("startMillis", startMillis).put("status", status.name())
                .put("stopMillis", stopMillis);
        if (output != null) {
            d.put("output", output);
        }
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        Storage.write(directory.resolve(DESCRIPTION), d);
    }

    private void closeHistoryFile() {
        try {
            if (historyFile != null) {
                historyFile.close();
                historyFile = null;
            }
        } catch (IOException e) {
            LOG.warning("closing " + directory.resolve(HISTORY) + ": " + e);
        }
    }

    /** Releases the history file without recording anything (the service is closing). */
    synchronized void release() {
        closeHistoryFile();
    }
}
