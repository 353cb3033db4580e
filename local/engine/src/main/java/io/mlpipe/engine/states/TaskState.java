package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.Fork;
import io.mlpipe.engine.runtime.StateRun;
import io.mlpipe.engine.spi.IntegrationPattern;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;

/**
 * "The Task State causes the interpreter to execute the work identified by the state's Resource
 * field." The call goes through the one ServiceIntegration; the engine owns the waiting: the
 * .sync poll loop (scaled) and the .waitForTaskToken callback, with "TimeoutSeconds ... if the
 * task runs longer, it fails with States.Timeout" and "HeartbeatSeconds ... States.HeartbeatTimeout".
 */
final class TaskState extends AbstractState {
    /** Real milliseconds between two describe calls of a running job even at wait scale 0: the job is real work elsewhere. */
    static final long MIN_POLL_MILLIS = 5;

    /** A number of seconds, fixed or read from the effective input; 0 = none. */
    interface Seconds { long of(JsonNode effectiveInput, StateRun run); }

    /** The "Credentials" field, evaluated; null when absent. */
    interface Credentials { JsonNode of(JsonNode effectiveInput, StateRun run); }

    private final TaskResource resource;
    private final Seconds timeout;
    private final Seconds heartbeat;
    private final Credentials credentials;

    TaskState(Common common, TaskResource resource, Seconds timeout, Seconds heartbeat, Credentials credentials) {
        super(common);
        this.resource = resource;
        this.timeout = timeout;
        this.heartbeat = heartbeat;
        this.credentials = credentials;
    }

    public String type() { return "Task"; }

    @Override
    public boolean mayBlock() { return true; }

    @Override
    public boolean needsTaskToken() { return resource.pattern() == IntegrationPattern.CALLBACK; }

    public JsonNode execute(JsonNode parameters, StateRun run) {
        JsonNode effective = run.effectiveInput();
        long timeoutSeconds = timeout.of(effective, run);
        long heartbeatSeconds = heartbeat.of(effective, run);
        if (heartbeatSeconds > 0 && timeoutSeconds > 0 && heartbeatSeconds >= timeoutSeconds) {
            throw new StatesError(ErrorNames.RUNTIME, "HeartbeatSeconds (" + heartbeatSeconds + ") must be smaller than TimeoutSeconds (" + timeoutSeconds + ")");
        }
        long deadline = timeoutSeconds > 0 ? run.now() + timeoutSeconds * 1000 : Long.MAX_VALUE;
        String token = run.taskToken();
        scheduled(parameters, timeoutSeconds, heartbeatSeconds, run);
        JobPoller poller = null;
        try {
            TaskRequest request = new TaskRequest(resource.arn(), resource.service(), resource.action(), resource.functionArn(),
                    resource.pattern(), parameters, credentials == null ? null : credentials.of(effective, run), token,
                    timeoutSeconds, heartbeatSeconds, run.executionArn(), name());
            // "TimeoutSeconds" (the Task's or the machine's): a hung call is abandoned at the deadline;
            // a Task under no timeout calls on its own thread
            boolean bounded = timeoutSeconds > 0 || run.executionHasDeadline();
            TaskResponse response = bounded ? run.callBefore(deadline, () -> invoke(request, run)) : invoke(request, run);
            JsonNode result;
            if (response instanceof TaskResponse.Job job) {
                poller = job.poller();
                submitted(job.submitted(), run);
                result = pollUntilDone(job, deadline, bounded, run);
            } else {
                JsonNode output = ((TaskResponse.Result) response).output();
                if (resource.pattern() == IntegrationPattern.CALLBACK) {
                    submitted(output, run);
                    result = run.awaitCallback(token, deadline, heartbeatSeconds * 1000);
                } else {
                    result = output;
                }
            }
            if (run.now() > deadline) throw new StatesError(ErrorNames.TIMEOUT, "The task did not finish within " + timeoutSeconds + " seconds");
            succeeded(result, run);
            return result == null ? Json.NODES.nullNode() : result;
        } catch (StatesError e) {
            if (token != null) run.dropTaskToken(token);
            // An interrupted engine thread is the twin shutting down (StopExecution wakes waits, timeouts interrupt
            // only the call's own thread): the job keeps running for the resumed execution to poll, so stop it not
            if (poller != null && !Thread.currentThread().isInterrupted()) poller.cancel();
            if (!Fork.isAbort(e)) failed(e, run);
            throw e;
        }
    }

    private TaskResponse invoke(TaskRequest request, StateRun run) {
        try {
            return run.config().integration().invoke(request);
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            // an integration bug is the task's failure, not the engine's
            throw new StatesError(ErrorNames.TASK_FAILED, e.toString());
        }
    }

    /** The describe calls of a .sync job; under a timeout a hung describe call is abandoned like the start call. */
    private JsonNode pollUntilDone(TaskResponse.Job job, long deadline, boolean bounded, StateRun run) {
        while (true) {
            JsonNode done = bounded ? run.callBefore(deadline, job.poller()::poll) : job.poller().poll();
            if (done != null) return done;
            if (run.now() >= deadline) throw new StatesError(ErrorNames.TIMEOUT, "The job did not finish before the task's TimeoutSeconds");
            long wait = Math.round(job.pollIntervalSeconds() * 1000 * run.config().waitScale());
            run.sleepMillis(Math.max(MIN_POLL_MILLIS, wait));
        }
    }

    // --- history, in AWS's event types and fields

    private void scheduled(JsonNode parameters, long timeoutSeconds, long heartbeatSeconds, StateRun run) {
        ObjectNode d = Json.object();
        if (resource.isLambdaFunction()) {
            d.put("resource", resource.arn());
            d.set("input", parameters);
            if (timeoutSeconds > 0) d.put("timeoutInSeconds", timeoutSeconds);
            run.event("LambdaFunctionScheduled", d);
            run.event("LambdaFunctionStarted", null);
            return;
        }
        d.put("resourceType", resource.historyType());
        d.put("resource", resource.historyResource());
        d.put("region", run.config().region());
        d.set("parameters", parameters);
        if (timeoutSeconds > 0) d.put("timeoutInSeconds", timeoutSeconds);
        if (heartbeatSeconds > 0) d.put("heartbeatInSeconds", heartbeatSeconds);
        run.event("TaskScheduled", d);
        run.event("TaskStarted", resourceDetails());
    }

    private void submitted(JsonNode output, StateRun run) {
        if (resource.isLambdaFunction()) return;
        ObjectNode d = resourceDetails();
        d.set("output", output == null ? Json.object() : output);
        run.event("TaskSubmitted", d);
    }

    private void succeeded(JsonNode result, StateRun run) {
        ObjectNode d = resource.isLambdaFunction() ? Json.object() : resourceDetails();
        d.set("output", result == null ? Json.NODES.nullNode() : result);
        run.event(resource.isLambdaFunction() ? "LambdaFunctionSucceeded" : "TaskSucceeded", d);
    }

    private void failed(StatesError e, StateRun run) {
        boolean timedOut = ErrorNames.TIMEOUT.equals(e.error()) || ErrorNames.HEARTBEAT_TIMEOUT.equals(e.error());
        ObjectNode d = resource.isLambdaFunction() ? Json.object() : resourceDetails();
        d.put("error", e.error());
        d.put("cause", e.cause());
        String prefix = resource.isLambdaFunction() ? "LambdaFunction" : "Task";
        run.event(prefix + (timedOut ? "TimedOut" : "Failed"), d);
    }

    private ObjectNode resourceDetails() {
        ObjectNode d = Json.object();
        d.put("resourceType", resource.historyType());
        d.put("resource", resource.historyResource());
        return d;
    }
}
