package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.io.InferenceLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/** {@link InferenceLog} over the DynamoDB inference log table. */
public final class DynamoInferenceLog implements InferenceLog {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInferenceLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Map<String, Object> item) {
        dynamo.putItem(b -> b.tableName(table).item(AttributeValues.toItem(item)));
    }
}
