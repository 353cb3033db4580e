package io.mlpipe.console;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Finds the pipeline's three tables (CONTRACTS.md) by their keys, through ListTables and DescribeTable:
 * the template names them with generated suffixes, and the plugin starts before the template is loaded.
 * runs is keyed by {@code runId}; models by {@code model} + {@code version}; the inference log by
 * {@code model} + {@code requestId}. Found once, remembered.
 */
public final class PipelineTables {
    public record Names(String runs, String models, String inferenceLog) {
    }

    private final DynamoDbClient dynamoDb;
    private final AtomicReference<Names> found = new AtomicReference<>();

    public PipelineTables(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** Empty until the template's tables exist. */
    public Optional<Names> names() {
        Names names = found.get();
        if (names != null) {
            return Optional.of(names);
        }
        String runs = null;
        String models = null;
        String inferenceLog = null;
        for (String table : dynamoDb.listTablesPaginator(r -> r.build()).tableNames()) {
            String keys = keys(dynamoDb.describeTable(r -> r.tableName(table)).table());
            switch (keys) {
                case "runId" -> runs = table;
                case "model,version" -> models = table;
                case "model,requestId" -> inferenceLog = table;
                default -> { }
            }
        }
        if (runs == null || models == null || inferenceLog == null) {
            return Optional.empty();
        }
        found.set(new Names(runs, models, inferenceLog));
        return Optional.of(found.get());
    }

    /** The hash key, then the range key, comma separated. */
    private static String keys(TableDescription table) {
        List<KeySchemaElement> schema = table.keySchema();
        String hash = schema.stream().filter(k -> k.keyType() == KeyType.HASH).map(KeySchemaElement::attributeName).findFirst().orElse("");
        return schema.stream().filter(k -> k.keyType() == KeyType.RANGE).map(k -> hash + "," + k.attributeName()).findFirst().orElse(hash);
    }
}
