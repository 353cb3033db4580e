package io.mlpipe.tasks.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The models table reader and the inference log writer against Amazon's DynamoDB Local over HTTP. */
class DynamoTablesAgainstDynamoDbLocalTest {
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        dynamo = new AwsClients(LocalAwsServers.environment(LocalAwsServers.dynamo())).dynamoDb();
        LocalAwsServers.createTable(dynamo, "models", "model", "version");
        LocalAwsServers.createTable(dynamo, "inference-log", "model", "requestId");
        for (String version : List.of("000001", "000002", "000003")) {
            dynamo.putItem(b -> b.tableName("models").item(Map.of("model", AttributeValue.fromS("churn"),
                    "version", AttributeValue.fromS(version), "metricValue", AttributeValue.fromN("0.8" + version.charAt(5)))));
        }
        dynamo.putItem(b -> b.tableName("models").item(Map.of("model", AttributeValue.fromS("churn"),
                "version", AttributeValue.fromS("champion"), "championVersion", AttributeValue.fromS("000002"),
                "metricValue", AttributeValue.fromN("0.82"))));
        dynamo.putItem(b -> b.tableName("models").item(Map.of("model", AttributeValue.fromS("other"),
                "version", AttributeValue.fromS("000009"))));
    }

    @Test
    void championIsThePointerItem() {
        DynamoModelTable table = new DynamoModelTable(dynamo, "models");
        Map<String, Object> champion = table.champion("churn").orElseThrow();
        assertEquals("000002", champion.get("championVersion"));
        assertEquals(0.82, champion.get("metricValue"));
        assertEquals(Optional.empty(), table.champion("other"));
    }

    @Test
    void latestVersionsAreNewestFirstWithoutThePointer() {
        DynamoModelTable table = new DynamoModelTable(dynamo, "models");
        assertEquals(List.of("000003", "000002"), table.latestVersions("churn", 2).stream().map(v -> v.get("version")).toList());
        assertEquals(List.of(), table.latestVersions("nobody", 10));
    }

    @Test
    void inferenceLogItemsAreStoredWithTheirTypes() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("model", "churn");
        item.put("requestId", "2026-11-26T05:20:00Z#3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b");
        item.put("version", "000002");
        item.put("rows", 2);
        item.put("latencyMs", 41L);
        item.put("status", 200);
        item.put("expiresAt", 1772342400L);
        new DynamoInferenceLog(dynamo, "inference-log").record(item);

        var stored = dynamo.getItem(b -> b.tableName("inference-log").key(Map.of(
                "model", AttributeValue.fromS("churn"), "requestId", AttributeValue.fromS((String) item.get("requestId"))))).item();
        assertEquals(AttributeValue.fromN("1772342400"), stored.get("expiresAt"));
        assertEquals(Map.of("model", "churn", "requestId", item.get("requestId"), "version", "000002", "rows", 2L,
                "latencyMs", 41L, "status", 200L, "expiresAt", 1772342400L), AttributeValues.toPlain(stored));
    }
}
