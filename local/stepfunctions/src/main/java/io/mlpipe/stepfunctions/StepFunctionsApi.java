package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.DefinitionException;
import io.mlpipe.engine.Diagnostic;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.ExecutionStatus;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.json.Json;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.AwsJsonService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The Step Functions API (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Operation>}) over the
 * state machines and executions, with AWS's validation, field names, epoch-second timestamps and errors.
 */
final class StepFunctionsApi {
    private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");
    private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
            "PENDING_REDRIVE");
    /** Detail fields GetExecutionHistory leaves out when includeExecutionData is false. */
    private static final Set<String> EXECUTION_DATA = Set.of("input", "inputDetails", "output", "outputDetails",
            "parameters", "parametersDetails");

    private final StateMachines machines;
    private final Executions executions;
    private final Arns arns;

    StepFunctionsApi(StateMachines machines, Executions executions, Arns arns) {
        this.machines = machines;
        this.executions = executions;
        this.arns = arns;
    }

    AwsJsonService service() {
        return AwsJsonService.builder("AWSStepFunctions", "1.0")
                .operation("CreateStateMachine", this::createStateMachine)
                .operation("DescribeStateMachine", this::describeStateMachine)
                .operation("UpdateStateMachine", this::updateStateMachine)
                .operation("DeleteStateMachine", this::deleteStateMachine)
                .operation("ListStateMachines", this::listStateMachines)
                .operation("ValidateStateMachineDefinition", this::validateDefinition)
                .operation("StartExecution", this::startExecution)
                .operation("StartSyncExecution", this::startSyncExecution)
                .operation("DescribeExecution", this::describeExecution)
                .operation("DescribeStateMachineForExecution", this::describeStateMachineForExecution)
                .operation("ListExecutions", this::listExecutions)
                .operation("GetExecutionHistory", this::getExecutionHistory)
                .operation("StopExecution", this::stopExecution)
                .operation("SendTaskSuccess", this::sendTaskSuccess)
                .operation("SendTaskFailure", this::sendTaskFailure)
                .operation("SendTaskHeartbeat", this::sendTaskHeartbeat)
                .build();
    }

    // ------------------------------------------------------------------ state machines

    /** Also what the template's state machines go through (create, or update in place). */
    StateMachine create(String name, String definitionText, String roleArn, String type, JsonNode logging) {
        Names.check(name);
        if (!TYPES.contains(type)) {
            throw AwsError.validation("1 validation error detected: Value '" + type + "' at 'type' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        StateMachineDefinition definition = parse(definitionText);
        synchronized (machines) {
            StateMachine existing = machines.get(name);
            if (existing != null) {
                if (existing.definitionText().equals(definitionText) && Objects.equals(existing.roleArn(), roleArn)
                        && existing.type().equals(type)) {
                    return existing; // CreateStateMachine is idempotent for an identical request
                }
                throw AwsError.client("StateMachineAlreadyExists", "State Machine Already Exists: '" + existing.arn() + "'");
            }
            long now = System.currentTimeMillis();
            StateMachine machine = new StateMachine(name, arns.stateMachine(name), definitionText, definition, roleArn, type,
                    now, now, logging);
            machines.put(machine);
            return machine;
        }
    }

    /** UpdateStateMachine's effect; running executions keep the definition they started with. */
    StateMachine update(StateMachine machine, String definitionText, String roleArn, JsonNode logging) {
        StateMachineDefinition definition = definitionText == null ? machine.definition() : parse(definitionText);
        StateMachine updated = machine.withUpdate(definitionText == null ? machine.definitionText() : definitionText,
                definition, roleArn == null ? machine.roleArn() : roleArn,
                logging == null ? machine.loggingConfiguration() : logging, System.currentTimeMillis());
        machines.put(updated);
        return updated;
    }

    private static StateMachineDefinition parse(String definitionText) {
        try {
            return StateMachineDefinition.parse(definitionText);
        } catch (DefinitionException e) {
            throw AwsError.client("InvalidDefinition", e.getMessage());
        }
    }

    private JsonNode createStateMachine(JsonNode request) {
        StateMachine machine = create(required(request, "name"), required(request, "definition"),
                required(request, "roleArn"), request.path("type").asText("STANDARD"),
                request.hasNonNull("loggingConfiguration") ? request.get("loggingConfiguration") : null);
        return Json.object().put("stateMachineArn", machine.arn()).set("creationDate", seconds(machine.creationMillis()));
    }

    private JsonNode describeStateMachine(JsonNode request) {
        return describe(machine(required(request, "stateMachineArn")));
    }

    private static ObjectNode describe(StateMachine machine) {
        ObjectNode o = Json.object().put("stateMachineArn", machine.arn()).put("name", machine.name())
                .put("status", "ACTIVE").put("definition", machine.definitionText()).put("roleArn", machine.roleArn())
                .put("type", machine.type());
        o.set("creationDate", seconds(machine.creationMillis()));
        o.set("loggingConfiguration", machine.loggingConfiguration() != null ? machine.loggingConfiguration()
                : Json.object().put("level", "OFF").put("includeExecutionData", false));
        o.putObject("tracingConfiguration").put("enabled", false);
        return o;
    }

    private JsonNode updateStateMachine(JsonNode request) {
        StateMachine machine = machine(required(request, "stateMachineArn"));
        String definition = request.path("definition").asText(null);
        String roleArn = request.path("roleArn").asText(null);
        JsonNode logging = request.hasNonNull("loggingConfiguration") ? request.get("loggingConfiguration") : null;
        if (definition == null && roleArn == null && logging == null && !request.hasNonNull("tracingConfiguration")) {
            throw AwsError.client("MissingRequiredParameter", "Either the definition, the role ARN, the"
                    + " LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        StateMachine updated = update(machine, definition, roleArn, logging);
        return Json.object().set("updateDate", seconds(updated.updateMillis()));
    }

    private JsonNode deleteStateMachine(JsonNode request) {
        String arn = required(request, "stateMachineArn");
        String name = Arns.stateMachineName(arn);
        StateMachine machine = machines.get(name);
        // deleting a state machine that is not there succeeds, as on AWS; its executions stay describable
        if (machine != null && machine.arn().equals(arn)) {
            machines.delete(name);
        }
        return Json.object();
    }

    private JsonNode listStateMachines(JsonNode request) {
        Paging.Page<StateMachine> page = Paging.page(machines.list(), request);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("stateMachines");
        for (StateMachine m : page.items()) {
            list.addObject().put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type())
                    .set("creationDate", seconds(m.creationMillis()));
        }
        return withToken(response, page);
    }

    private JsonNode validateDefinition(JsonNode request) {
        List<Diagnostic> problems = StateMachineDefinition.validate(required(request, "definition"));
        ObjectNode response = Json.object().put("result", problems.isEmpty() ? "OK" : "FAIL");
        ArrayNode list = response.putArray("diagnostics");
        for (Diagnostic d : problems) {
            list.addObject().put("severity", "ERROR").put("code", d.code()).put("message", d.message())
                    .put("location", d.location());
        }
        return response.put("truncated", false);
    }

    private StateMachine machine(String arn) {
        StateMachine machine = machines.get(Arns.stateMachineName(arn));
        if (machine == null || !machine.arn().equals(arn)) {
            throw AwsError.client("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    // ------------------------------------------------------------------ executions

    /** Also the twin's starter (EventBridge rule targets). */
    ExecutionRecord start(String stateMachineArn, String name, String inputText) {
        StateMachine machine = machine(stateMachineArn);
        String executionName = Names.check(name == null ? UUID.randomUUID().toString() : name);
        String text = inputText == null ? "{}" : inputText;
        return executions.start(machine, executionName, text, input(text));
    }

    private static JsonNode input(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw AwsError.client("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
    }

    private JsonNode startExecution(JsonNode request) {
        ExecutionRecord record = start(required(request, "stateMachineArn"), request.path("name").asText(null),
                request.path("input").asText(null));
        return Json.object().put("executionArn", record.arn()).set("startDate", seconds(record.startMillis()));
    }

    private JsonNode startSyncExecution(JsonNode request) {
        StateMachine machine = machine(required(request, "stateMachineArn"));
        if (!machine.type().equals("EXPRESS")) {
            throw AwsError.client("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        String name = Names.check(request.path("name").asText(UUID.randomUUID().toString()));
        String inputText = request.path("input").asText("{}");
        JsonNode input = input(inputText);
        String arn = arns.expressExecution(machine.name(), name, UUID.randomUUID().toString());
        long start = System.currentTimeMillis();
        ExecutionResult result = executions.runSync(machine, arn, name, input, start);
        long stop = System.currentTimeMillis();
        ObjectNode o = Json.object().put("executionArn", arn).put("stateMachineArn", machine.arn()).put("name", name);
        o.set("startDate", seconds(start));
        o.set("stopDate", seconds(stop));
        o.put("status", result.status().name()).put("input", inputText);
        o.putObject("inputDetails").put("included", true);
        if (result.output() != null) {
            o.put("output", Json.write(result.output()));
            o.putObject("outputDetails").put("included", true);
        }
        putIfPresent(o, "error", result.error());
        putIfPresent(o, "cause", result.cause());
        o.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds",
                Math.max(100, ((stop - start + 99) / 100) * 100));
        return o;
    }

    private JsonNode describeExecution(JsonNode request) {
        ExecutionRecord r = execution(required(request, "executionArn"));
        ObjectNode o = Json.object().put("executionArn", r.arn()).put("stateMachineArn", r.stateMachineArn())
                .put("name", r.name()).put("status", r.status().name());
        o.set("startDate", seconds(r.startMillis()));
        if (r.status() != ExecutionStatus.RUNNING) {
            o.set("stopDate", seconds(r.stopMillis()));
        }
        o.put("input", r.inputText());
        o.putObject("inputDetails").put("included", true);
        if (r.output() != null) {
            o.put("output", r.output());
            o.putObject("outputDetails").put("included", true);
        }
        putIfPresent(o, "error", r.error());
        putIfPresent(o, "cause", r.cause());
        return o.put("redriveCount", 0).put("redriveStatus", "NOT_REDRIVABLE");
    }

    private JsonNode describeStateMachineForExecution(JsonNode request) {
        ExecutionRecord r = execution(required(request, "executionArn"));
        StateMachine current = machines.get(r.stateMachineName());
        ObjectNode o = Json.object().put("stateMachineArn", r.stateMachineArn()).put("name", r.stateMachineName())
                .put("definition", r.definitionText()).put("roleArn", r.roleArn());
        o.set("updateDate", seconds(current != null ? current.updateMillis() : r.startMillis()));
        return o;
    }

    private JsonNode listExecutions(JsonNode request) {
        StateMachine machine = machine(required(request, "stateMachineArn"));
        String filter = request.path("statusFilter").asText(null);
        if (filter != null && !STATUSES.contains(filter)) {
            throw AwsError.validation("1 validation error detected: Value '" + filter + "' at 'statusFilter' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT,"
                    + " ABORTED, PENDING_REDRIVE]");
        }
        List<ExecutionRecord> matching = new ArrayList<>();
        for (ExecutionRecord r : executions.list(machine.arn())) {
            if (filter == null || r.status().name().equals(filter)) {
                matching.add(r);
            }
        }
        Paging.Page<ExecutionRecord> page = Paging.page(matching, request);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("executions");
        for (ExecutionRecord r : page.items()) {
            ObjectNode item = list.addObject().put("executionArn", r.arn()).put("stateMachineArn", r.stateMachineArn())
                    .put("name", r.name()).put("status", r.status().name());
            item.set("startDate", seconds(r.startMillis()));
            if (r.status() != ExecutionStatus.RUNNING) {
                item.set("stopDate", seconds(r.stopMillis()));
            }
        }
        return withToken(response, page);
    }

    private JsonNode getExecutionHistory(JsonNode request) {
        ExecutionRecord r = execution(required(request, "executionArn"));
        List<ObjectNode> events = new ArrayList<>(r.history());
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Paging.Page<ObjectNode> page = Paging.page(events, request);
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("events");
        for (ObjectNode event : page.items()) {
            list.add(includeData ? event : withoutExecutionData(event));
        }
        return withToken(response, page);
    }

    private static ObjectNode withoutExecutionData(ObjectNode event) {
        ObjectNode copy = event.deepCopy();
        copy.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("EventDetails") && field.getValue().isObject()) {
                ((ObjectNode) field.getValue()).remove(EXECUTION_DATA);
            }
        });
        return copy;
    }

    private JsonNode stopExecution(JsonNode request) {
        ExecutionRecord r = execution(required(request, "executionArn"));
        executions.stop(r, request.path("error").asText(null), request.path("cause").asText(null));
        long stopped = r.status() == ExecutionStatus.RUNNING ? System.currentTimeMillis() : r.stopMillis();
        return Json.object().set("stopDate", seconds(stopped));
    }

    private ExecutionRecord execution(String arn) {
        Arns.executionNames(arn);
        ExecutionRecord r = executions.get(arn);
        if (r == null) {
            throw AwsError.client("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return r;
    }

    // ------------------------------------------------------------------ callbacks

    private JsonNode sendTaskSuccess(JsonNode request) {
        String token = required(request, "taskToken");
        JsonNode output;
        try {
            output = Json.parse(required(request, "output"));
        } catch (IllegalArgumentException e) {
            throw AwsError.client("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
        }
        return taskAnswer(executions.succeed(token, output));
    }

    private JsonNode sendTaskFailure(JsonNode request) {
        String token = required(request, "taskToken");
        return taskAnswer(executions.fail(token, request.path("error").asText(null), request.path("cause").asText(null)));
    }

    private JsonNode sendTaskHeartbeat(JsonNode request) {
        return taskAnswer(executions.heartbeat(required(request, "taskToken")));
    }

    private static JsonNode taskAnswer(Executions.TaskAnswer answer) {
        return switch (answer) {
            case ACCEPTED -> Json.object();
            // a token this twin issued whose task has ended (answered, timed out, execution stopped)
            case CLOSED -> throw AwsError.client("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
            case UNKNOWN -> throw AwsError.client("InvalidToken", "Invalid Token: 'Invalid token'");
        };
    }

    // ------------------------------------------------------------------ shapes

    /** AWS's JSON protocol sends timestamps as epoch seconds (with milliseconds). */
    static JsonNode seconds(long millis) {
        return Json.NODES.numberNode(BigDecimal.valueOf(millis, 3));
    }

    private static String required(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            throw AwsError.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static ObjectNode withToken(ObjectNode response, Paging.Page<?> page) {
        if (page.nextToken() != null) {
            response.put("nextToken", page.nextToken());
        }
        return response;
    }
}
