package io.mlpipe.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.console.SdkJson;
import io.mlpipe.console.graph.LayeredLayout;
import io.mlpipe.console.graph.Layout;
import io.mlpipe.console.graph.StateGraph;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.Query;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code api/graph?stateMachineArn=}: the state machine's definition (DescribeStateMachine) laid out
 * for drawing. Layouts are kept per definition text, so a polling page costs one describe call.
 */
public final class StateMachineGraph implements JsonApi {
    private final SfnClient sfn;
    private final Map<String, JsonNode> layouts = new ConcurrentHashMap<>();

    public StateMachineGraph(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public JsonNode answer(Query query) {
        String arn = query.required("stateMachineArn");
        String definition = sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition();
        return layouts.computeIfAbsent(definition, StateMachineGraph::layout);
    }

    private static JsonNode layout(String definition) {
        try {
            Layout layout = LayeredLayout.of(StateGraph.of(SdkJson.MAPPER.readTree(definition)));
            return SdkJson.MAPPER.valueToTree(layout);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the state machine's definition is not JSON: " + e.getMessage(), e);
        }
    }
}
