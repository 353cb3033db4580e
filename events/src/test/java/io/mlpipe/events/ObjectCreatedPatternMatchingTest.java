package io.mlpipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.event.ruler.Machine;

/** The Object Created pattern, run through event-ruler: the engine EventBridge uses. */
class ObjectCreatedPatternMatchingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "mlpipe-data-example";
    private static ObjectNode example;
    private static Machine machine;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = EventPatterns.class.getClassLoader()
                .getResourceAsStream("events/examples/s3-object-created.json")) {
            example = (ObjectNode) JSON.readTree(in);
        }
        machine = new Machine();
        machine.addRule("objectCreated", EventPatterns.objectCreatedJson(BUCKET));
    }

    private static boolean matches(Consumer<ObjectNode> change) throws Exception {
        ObjectNode event = example.deepCopy();
        change.accept(event);
        List<String> rules = machine.rulesForJSONEvent(JSON.writeValueAsString(event));
        return rules.contains("objectCreated");
    }

    private static ObjectNode object(ObjectNode event) {
        return (ObjectNode) event.get("detail").get("object");
    }

    @Test
    void matchesTheRealS3ObjectCreatedEvent() throws Exception {
        assertTrue(matches(e -> { }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/churn/a.csv", "incoming/house-prices/2026/11/26.csv", "incoming/x.csv"})
    void matchesCsvKeysUnderIncoming(String key) throws Exception {
        assertTrue(matches(e -> object(e).put("key", key)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"processed/churn/r-1/train/train.csv", "incoming/churn/a.json", "incoming/churn/a.csv.tmp",
        "config/churn.json", "models/churn/job/output/model.tar.gz", "reports/churn/r-1/x.csv", "xincoming/churn/a.csv"})
    void rejectsKeysOutsideIncomingOrNotCsv(String key) throws Exception {
        assertEquals(false, matches(e -> object(e).put("key", key)));
    }

    @Test
    void rejectsAnotherBucket() throws Exception {
        assertEquals(false, matches(e -> ((ObjectNode) e.get("detail").get("bucket")).put("name", "other-bucket")));
    }

    @Test
    void rejectsOtherDetailTypesAndSources() throws Exception {
        assertEquals(false, matches(e -> e.put("detail-type", "Object Deleted")));
        assertEquals(false, matches(e -> e.put("source", "mlpipe")));
    }

    @Test
    void keepsTheDocumentOrderAndFillsTheBucket() {
        Map<String, Object> pattern = EventPatterns.objectCreated("b");
        assertEquals(List.of("source", "detail-type", "detail"), List.copyOf(pattern.keySet()));
        assertEquals("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":"
                + "{\"name\":[\"b\"]},\"object\":{\"key\":[{\"wildcard\":\"incoming/*.csv\"}]}}}",
                EventPatterns.objectCreatedJson("b"));
    }

    @Test
    void refusesABlankBucketAndAMissingSubstitution() {
        assertThrows(IllegalArgumentException.class, () -> EventPatterns.objectCreated(" "));
        assertThrows(IllegalArgumentException.class,
                () -> EventPatterns.load(EventPatterns.OBJECT_CREATED_RESOURCE, Map.of()));
    }
}
