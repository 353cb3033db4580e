package io.mlpipe.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.console.Items;
import io.mlpipe.console.PipelineTables;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code api/predictions?model=&limit=}: the newest inference log entries, newest first. A request id
 * starts with its ISO time, so it orders them: one model's newest are a backwards Query, all models'
 * a Scan sorted here.
 */
public final class RecentPredictions implements JsonApi {
    private final DynamoDbClient dynamoDb;
    private final PipelineTables tables;

    public RecentPredictions(DynamoDbClient dynamoDb, PipelineTables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public JsonNode answer(Query query) {
        int limit = query.number("limit", 50, 1000);
        Optional<String> model = query.optional("model");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("predictions");
        Optional<PipelineTables.Names> names = tables.names();
        if (names.isEmpty()) {
            return answer;
        }
        String table = names.get().inferenceLog();
        List<ObjectNode> entries = new ArrayList<>();
        if (model.isPresent()) {
            dynamoDb.query(r -> r.tableName(table).keyConditionExpression("#m = :m")
                    .expressionAttributeNames(java.util.Map.of("#m", "model"))
                    .expressionAttributeValues(java.util.Map.of(":m", AttributeValue.fromS(model.get())))
                    .scanIndexForward(false).limit(limit)).items().forEach(item -> entries.add(Items.json(item)));
        } else {
            entries.addAll(Items.scan(dynamoDb, table));
            entries.sort(Comparator.comparing((ObjectNode e) -> e.path("requestId").asText()).reversed());
        }
        entries.stream().limit(limit).forEach(list::add);
        return answer;
    }
}
