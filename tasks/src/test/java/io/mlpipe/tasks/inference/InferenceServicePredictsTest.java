package io.mlpipe.tasks.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows are encoded as in training, the endpoint's answer becomes labels with probabilities or numbers. */
class InferenceServicePredictsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final InferenceFixture fixture = new InferenceFixture();

    @Test
    void binaryClassificationAnswersOriginalLabelsWithProbabilities() throws Exception {
        ApiResponse response = fixture.service().predict("churn", """
                {"rows": [{"age": 42, "plan": "pro", "monthly_spend": 79.5},
                          {"monthly_spend": "12.0", "plan": "basic", "age": null}]}""");

        assertEquals(200, response.status(), response.body().toString());
        assertEquals(List.of("42,2,79.5\n,0,12.0\n"), fixture.sentCsv, "training order, categories as indexes, missing empty");
        JsonNode body = MAPPER.valueToTree(response.body());
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.PREDICT_RESPONSE, body));
        assertEquals("000001", body.get("version").asText());
        assertEquals("yes", body.at("/predictions/0/label").asText());
        assertEquals(0.8, body.at("/predictions/0/probabilities/yes").asDouble(), 1e-12);
        assertEquals(0.2, body.at("/predictions/0/probabilities/no").asDouble(), 1e-12);
        assertEquals("no", body.at("/predictions/1/label").asText());
    }

    @Test
    void unseenCategoriesAndMissingSpellingsAreSentAsMissing() {
        fixture.service().predict("churn", "{\"rows\": [{\"age\": \"NA\", \"plan\": \"enterprise\", \"monthly_spend\": \"\"}]}");
        assertEquals(List.of(",,\n"), fixture.sentCsv);
    }

    @Test
    void theTargetInARowIsIgnored() {
        fixture.endpointAnswer = csv -> "0.1\n";
        ApiResponse response = fixture.service().predict("churn", "{\"rows\": [{\"age\": 30, \"target\": \"yes\"}]}");
        assertEquals(200, response.status());
        assertEquals(List.of("30,,\n"), fixture.sentCsv);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one line per row      | 0.1,0.7,0.2\\n0.6,0.3,0.1\\n      | 2 | 1
            bracketed rows        | [0.1,0.7,0.2]\\n[0.6,0.3,0.1]     | 2 | 1
            all rows on one line  | [[0.1,0.7,0.2],[0.6,0.3,0.1]]    | 2 | 1
            """)
    void multiclassAnswersTheMostProbableClass(String name, String answer, int labelOfFirst, int labelOfSecond) throws Exception {
        fixture.deploy("flowers", ProblemType.MULTICLASS_CLASSIFICATION,
                List.of(Feature.numeric("petal_length")), List.of(1, 2, 3));
        fixture.endpointAnswer = csv -> answer.replace("\\n", "\n");
        ApiResponse response = fixture.service().predict("flowers", "{\"rows\": [{\"petal_length\": 3.1}, {\"petal_length\": 1.2}]}");

        JsonNode body = MAPPER.valueToTree(response.body());
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.PREDICT_RESPONSE, body));
        assertEquals(labelOfFirst, body.at("/predictions/0/label").asInt());
        assertEquals(labelOfSecond, body.at("/predictions/1/label").asInt());
        assertEquals(0.7, body.at("/predictions/0/probabilities/2").asDouble(), 1e-12);
    }

    @ParameterizedTest(name = "answer {0}")
    @CsvSource(delimiter = '|', textBlock = """
            231000.5\\n198000\\n
            231000.5,198000
            """)
    void regressionAnswersNumbers(String answer) throws Exception {
        fixture.deploy("houses", ProblemType.REGRESSION, List.of(Feature.numeric("sqft")), null);
        fixture.endpointAnswer = csv -> answer.replace("\\n", "\n");
        ApiResponse response = fixture.service().predict("houses", "{\"rows\": [{\"sqft\": 1200}, {\"sqft\": 900}]}");

        JsonNode body = MAPPER.valueToTree(response.body());
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.PREDICT_RESPONSE, body));
        assertEquals("[231000.5,198000.0]", body.get("predictions").toString());
    }

    @Test
    void everyCallIsLoggedWithATimeToLive() {
        fixture.service().predict("churn", "{\"rows\": [{\"age\": 42}, {\"age\": 43}]}");
        fixture.service().predict("churn", "{\"rows\": [{\"colour\": 1}]}");

        assertEquals(2, fixture.logged.size());
        for (var item : fixture.logged) {
            assertEquals(List.of(), Schemas.shared().problems(SchemaName.INFERENCE_LOG_ITEM, item));
            assertEquals(InferenceFixture.NOW.plusSeconds(30 * 86400).getEpochSecond(), item.get("expiresAt"));
            assertEquals("2026-11-26T05:20:00Z#3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b", item.get("requestId"));
        }
        assertEquals(200, fixture.logged.get(0).get("status"));
        assertEquals(2, fixture.logged.get(0).get("rows"));
        assertEquals(400, fixture.logged.get(1).get("status"));
    }

    @Test
    void aFailingLogWriteDoesNotFailThePrediction() {
        InferenceService service = new InferenceService(fixture.models, fixture.store, fixture.endpoint(),
                item -> { throw new IllegalStateException("throttled"); },
                java.time.Clock.systemUTC(), java.time.Duration.ofDays(1), java.util.UUID::randomUUID);
        assertEquals(200, service.predict("churn", "{\"rows\": [{\"age\": 42}, {\"age\": 43}]}").status());
    }
}
