package io.mlpipe.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * {@code api/executions?status=&model=&limit=}: the newest executions of every state machine, with
 * their model and duration (so far, for a running one); {@code models} lists every model seen, for
 * the filter.
 */
public final class ExecutionList implements JsonApi {
    private final SfnClient sfn;
    private final ExecutionModels models;

    public ExecutionList(SfnClient sfn, ExecutionModels models) {
        this.sfn = sfn;
        this.models = models;
    }

    @Override
    public JsonNode answer(Query query) {
        Optional<String> status = query.optional("status").map(s -> {
            ExecutionStatus parsed = ExecutionStatus.fromValue(s);
            if (parsed == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
                throw new Query.BadRequest("unknown status " + s + " (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED)");
            }
            return s;
        });
        Optional<String> model = query.optional("model");
        int limit = query.number("limit", 100, 1000);
        List<ObjectNode> rows = new ArrayList<>();
        TreeSet<String> seenModels = new TreeSet<>();
        Instant now = Instant.now();
        for (StateMachineListItem machine : sfn.listStateMachinesPaginator(r -> r.build()).stateMachines()) {
            // ListExecutions answers newest first: the newest `limit` of each machine are enough, however long its past.
            sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine.stateMachineArn()).statusFilter(status.orElse(null))
                            .maxResults(Math.min(limit, 1000)))
                    .executions().stream()
                    .filter(execution -> {
                        String executionModel = models.of(execution.executionArn());
                        if (!executionModel.isEmpty()) {
                            seenModels.add(executionModel);
                        }
                        return model.isEmpty() || model.get().equals(executionModel);
                    })
                    .limit(limit)
                    .forEach(execution -> rows.add(row(execution, machine, models.of(execution.executionArn()), now)));
        }
        // As instants, not text: Instant.toString drops zero fractions, so the text does not sort.
        rows.sort(Comparator.comparing((ObjectNode row) -> Instant.parse(row.path("startDate").asText())).reversed());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("executions");
        rows.stream().limit(limit).forEach(list::add);
        seenModels.forEach(answer.putArray("models")::add);
        return answer;
    }

    private static ObjectNode row(ExecutionListItem execution, StateMachineListItem machine, String model, Instant now) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("executionArn", execution.executionArn());
        row.put("name", execution.name());
        row.put("stateMachineArn", machine.stateMachineArn());
        row.put("stateMachineName", machine.name());
        row.put("status", execution.statusAsString());
        row.put("model", model);
        row.put("startDate", execution.startDate().toString());
        row.put("stopDate", execution.stopDate() == null ? null : execution.stopDate().toString());
        Instant end = execution.stopDate() == null ? now : execution.stopDate();
        row.put("durationMs", Duration.between(execution.startDate(), end).toMillis());
        return row;
    }
}
