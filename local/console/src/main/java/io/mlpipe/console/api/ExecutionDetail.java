package io.mlpipe.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.console.ExecutionView;
import io.mlpipe.console.SdkJson;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.Query;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * {@code api/execution?arn=}: DescribeExecution as AWS answers it, plus (from GetExecutionHistory, all
 * pages) each state's status, input, output, error and cause, and the history's rows.
 */
public final class ExecutionDetail implements JsonApi {
    private final SfnClient sfn;
    private final ExecutionModels models;

    public ExecutionDetail(SfnClient sfn, ExecutionModels models) {
        this.sfn = sfn;
        this.models = models;
    }

    @Override
    public JsonNode answer(Query query) {
        String arn = query.required("arn");
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(arn));
        List<JsonNode> history = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn).includeExecutionData(true).maxResults(1000))
                .events().forEach(event -> history.add(SdkJson.of(event)));
        ObjectNode answer = ExecutionView.of(history);
        ObjectNode described = SdkJson.of(execution);
        described.put("model", models.of(arn));
        answer.set("execution", described);
        return answer;
    }
}
