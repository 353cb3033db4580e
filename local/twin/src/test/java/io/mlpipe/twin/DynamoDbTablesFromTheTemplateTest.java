package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** DynamoDB Local behind the edge, with the template's tables (keys, GSI, TTL) created by the loader. */
class DynamoDbTablesFromTheTemplateTest {
    private final Twin twin = SharedTwin.get();
    private final DynamoDbClient dynamo = Clients.dynamoDb(twin.endpoint());
    private final String table = twin.info().tables().get("RunsTable1A2B3C4D");

    @Test
    void templateTableHasItsKeysIndexAndTimeToLive() {
        TableDescription description = dynamo.describeTable(d -> d.tableName(table)).table();
        assertEquals("runId", description.keySchema().get(0).attributeName());
        assertEquals("byModel", description.globalSecondaryIndexes().get(0).indexName());
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(d -> d.tableName(table))
                .timeToLiveDescription().timeToLiveStatus());
        assertTrue(dynamo.listTables().tableNames().contains(table));
    }

    @Test
    void conditionalPutsAndIndexQueriesWork() {
        Map<String, AttributeValue> item = Map.of("runId", s("r-1"), "model", s("churn"), "startedAt", s("2026-11-26T00:00:00Z"));
        dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(runId)"));
        assertThrows(ConditionalCheckFailedException.class, () ->
                dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(runId)")));
        assertEquals("churn", dynamo.getItem(g -> g.tableName(table).key(Map.of("runId", s("r-1")))).item().get("model").s());
        assertEquals(1, dynamo.query(q -> q.tableName(table).indexName("byModel")
                .keyConditionExpression("model = :m").expressionAttributeValues(Map.of(":m", s("churn")))).count());
    }

    @Test
    void unknownTableIsAnAwsError() {
        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(d -> d.tableName("no-such-table")));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
