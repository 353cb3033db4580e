package io.mlpipe.tasks.inference;

import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointFailedException;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is a 400 that names the row and feature; unknown models 404; undeployed ones 503; never a 5xx for bad input. */
class InferenceServiceAnswersErrorsTest {
    private final InferenceFixture fixture = new InferenceFixture();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("no body", null, "the request body is empty"),
                Arguments.of("not JSON", "{\"rows\": [", "the request body is not valid JSON (line 1"),
                Arguments.of("array body", "[{\"age\": 1}]", "the body must be a JSON object"),
                Arguments.of("no rows", "{\"data\": []}", "the body must be a JSON object"),
                Arguments.of("rows not an array", "{\"rows\": {\"age\": 1}}", "\"rows\" must be an array of 1 to 1000 objects"),
                Arguments.of("empty rows", "{\"rows\": []}", "\"rows\" must be an array of 1 to 1000 objects"),
                Arguments.of("too many rows", "{\"rows\": [" + "{\"age\": 1},".repeat(1000) + "{\"age\": 1}]}", "1 to 1000"),
                Arguments.of("row not an object", "{\"rows\": [{\"age\": 1}, 42]}", "row 2 is not a JSON object"),
                Arguments.of("unknown feature", "{\"rows\": [{\"age\": 1, \"colour\": \"red\"}]}",
                        "row 1: unknown feature 'colour'; the model's features are [age, plan, monthly_spend]"),
                Arguments.of("text for a number", "{\"rows\": [{\"age\": 1}, {\"age\": \"old\"}]}",
                        "row 2, feature 'age': expected a number, got 'old'"),
                Arguments.of("boolean for a number", "{\"rows\": [{\"age\": true}]}", "row 1, feature 'age': expected a number, got true"),
                Arguments.of("object value", "{\"rows\": [{\"plan\": {\"name\": \"pro\"}}]}", "row 1, feature 'plan': expected a text value"),
                Arguments.of("no known feature", "{\"rows\": [{}]}", "row 1 has none of the model's features"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIs400WithAMessage(String name, String body, String message) {
        ApiResponse response = fixture.service().predict("churn", body);
        assertEquals(400, response.status());
        assertErrorBody(response, message);
        assertTrue(fixture.sentCsv.isEmpty(), "nothing is sent to the endpoint");
    }

    @Test
    void unknownModelIs404() {
        assertEquals(404, fixture.service().predict("nope", "{\"rows\": [{\"a\": 1}]}").status());
        assertEquals(404, fixture.service().predict("Not_A_Name", "{\"rows\": [{\"a\": 1}]}").status());
        assertErrorBody(fixture.service().describe("nope"), "unknown model 'nope'");
        assertEquals(404, fixture.service().describe("nope").status());
    }

    @Test
    void registeredButNeverDeployedIs503() {
        fixture.models.put(InferenceFixture.version("fresh", "000001"));
        ApiResponse response = fixture.service().predict("fresh", "{\"rows\": [{\"a\": 1}]}");
        assertEquals(503, response.status());
        assertErrorBody(response, "model 'fresh' has no deployed version yet");
    }

    @Test
    void anEndpointThatCannotAnswerIs503() {
        fixture.endpointAnswer = csv -> {
            throw new EndpointUnavailableException("Endpoint mlpipe-churn not found", null);
        };
        ApiResponse response = fixture.service().predict("churn", "{\"rows\": [{\"age\": 1}]}");
        assertEquals(503, response.status());
        assertErrorBody(response, "cannot answer right now");
    }

    @Test
    void aFailingModelIs502NotBlamedOnTheCaller() {
        fixture.endpointAnswer = csv -> {
            throw new EndpointFailedException("Received client error (400) from primary", null);
        };
        assertEquals(502, fixture.service().predict("churn", "{\"rows\": [{\"age\": 1}]}").status());
        fixture.endpointAnswer = csv -> "0.5\n";
        assertEquals(502, fixture.service().predict("churn", "{\"rows\": [{\"age\": 1}, {\"age\": 2}]}").status(),
                "one prediction for two rows");
    }

    @Test
    void describeAnswersTheChampionAndTheLatestVersions() {
        fixture.models.put(InferenceFixture.version("churn", "000002"));
        ApiResponse response = fixture.service().describe("churn");
        assertEquals(200, response.status());
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.MODEL_INFO_RESPONSE, response.body()));
        List<?> versions = (List<?>) response.body().get("versions");
        assertEquals(List.of("000002", "000001"), versions.stream().map(v -> ((java.util.Map<?, ?>) v).get("version")).toList());
    }

    private static void assertErrorBody(ApiResponse response, String message) {
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.ERROR_RESPONSE, response.body()));
        String actual = (String) response.body().get("message");
        assertTrue(actual.contains(message), () -> "'" + actual + "' should contain '" + message + "'");
    }
}
