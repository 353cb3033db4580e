package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.io.ModelTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ModelTable} over the DynamoDB models table (key {@code model} + {@code version}). */
public final class DynamoModelTable implements ModelTable {
    static final String CHAMPION = io.mlpipe.schemas.ModelsTableKeys.CHAMPION;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoModelTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Map<String, Object>> champion(String model) {
        var response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("model", AttributeValue.fromS(model), "version", AttributeValue.fromS(CHAMPION))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(AttributeValues.toPlain(response.item())) : Optional.empty();
    }

    @Override
    public List<Map<String, Object>> latestVersions(String model, int limit) {
        // Versions are zero-padded digits, which all sort before "champion": newest first, pointer excluded.
        var response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#m = :m AND #v < :champion")
                .expressionAttributeNames(Map.of("#m", "model", "#v", "version"))
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(model), ":champion", AttributeValue.fromS(CHAMPION)))
                .scanIndexForward(false)
                .limit(limit));
        return response.items().stream().map(AttributeValues::toPlain).toList();
    }
}
