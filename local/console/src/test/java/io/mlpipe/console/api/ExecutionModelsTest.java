package io.mlpipe.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The model an execution trains, from either input shape of CONTRACTS.md. */
class ExecutionModelsTest {
    @Test
    void theManualShapeNamesTheModelInItsKey() {
        assertEquals("churn", ExecutionModels.fromInput("{\"bucket\":\"b\",\"key\":\"incoming/churn/2026-11-26.csv\"}"));
    }

    @Test
    void theEventBridgeEventNamesItInTheObjectKey() {
        assertEquals("house-prices", ExecutionModels.fromInput(
                "{\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"incoming/house-prices/a.csv\"}}}"));
    }

    @Test
    void anythingElseHasNoModel() {
        assertEquals("", ExecutionModels.fromInput("{}"));
        assertEquals("", ExecutionModels.fromInput("{\"key\":\"elsewhere/churn/a.csv\"}"));
        assertEquals("", ExecutionModels.fromInput("not json"));
        assertEquals("", ExecutionModels.fromInput(null));
    }
}
