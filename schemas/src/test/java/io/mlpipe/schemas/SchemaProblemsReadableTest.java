package io.mlpipe.schemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The problem list names where the document is wrong and why, so a person can fix it. */
class SchemaProblemsReadableTest {

    @Test
    void eachProblemNamesTheLocationOfTheBadValue() throws Exception {
        var config = new ObjectMapper().readTree("{\"metric\": {\"name\": \"accuracy\"}, \"minRows\": \"many\"}");
        List<String> problems = Schemas.shared().problems(SchemaName.MODEL_CONFIG, config);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/metric/name: ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/minRows: ") && p.contains("integer")), problems.toString());
    }

    @Test
    void checkThrowsWithEveryProblemListed() {
        var ex = assertThrows(SchemaViolationException.class,
                () -> Schemas.shared().check(SchemaName.PREPROCESS_INPUT, Map.of("bucket", "b1b")));
        assertEquals(SchemaName.PREPROCESS_INPUT, ex.schema());
        assertTrue(ex.problems().size() >= 3, ex.problems().toString()); // key, model and runId are missing
        assertTrue(ex.getMessage().startsWith("not a valid preprocess-input.json: "), ex.getMessage());
        assertTrue(ex.problems().stream().anyMatch(p -> p.contains("'runId'")), ex.problems().toString());
    }

    @Test
    void checkAcceptsPlainMapsAndListsThatMatch() {
        Schemas.shared().check(SchemaName.ERROR_RESPONSE, Map.of("message", "unknown model 'x'"));
    }
}
