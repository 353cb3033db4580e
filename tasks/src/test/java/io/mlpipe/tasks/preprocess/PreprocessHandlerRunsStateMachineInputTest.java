package io.mlpipe.tasks.preprocess;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.testing.Resources;
import io.mlpipe.tasks.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler passes the state machine's input to the core and lets the named errors through. */
class PreprocessHandlerRunsStateMachineInputTest {
    private static final Map<String, String> ENV = Map.of("POWERTOOLS_SERVICE_NAME", "preprocess",
            "POWERTOOLS_METRICS_NAMESPACE", "mlpipe");

    @Test
    void answersTheOutputForTheStateMachine() throws Exception {
        Map<String, Object> input = event();
        InMemoryObjectStore store = new InMemoryObjectStore()
                .put((String) input.get("bucket"), (String) input.get("key"), Resources.bytes("csv/churn.csv"));
        Map<String, Object> output = new PreprocessHandler(store, PreprocessorTestSupport.CLOCK, ENV)
                .handleRequest(input, new TestContext("mlpipe-preprocess"));
        assertEquals("binary_classification", output.get("problemType"));
        assertTrue(((String) output.get("trainingJobName")).matches("^mlpipe-churn-20261126050000-[0-9a-f]{6}$"));
        assertEquals("s3://mlpipe-data-123456789012/processed/churn/r-5f1c2a9e0b7d4c3a/features.json", output.get("featuresUri"));
    }

    @Test
    void badDataFailsWithTheNamedError() throws Exception {
        Map<String, Object> input = event();
        InMemoryObjectStore store = new InMemoryObjectStore().put((String) input.get("bucket"), (String) input.get("key"), "");
        DataValidationError error = assertThrows(DataValidationError.class,
                () -> new PreprocessHandler(store, PreprocessorTestSupport.CLOCK, ENV)
                        .handleRequest(input, new TestContext("mlpipe-preprocess")));
        assertEquals("DataValidationError", error.getClass().getSimpleName());
    }

    private static Map<String, Object> event() throws Exception {
        return new ObjectMapper().readValue(Resources.bytes("events/preprocess-input.json"), new TypeReference<>() { });
    }
}
