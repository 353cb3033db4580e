package io.mlpipe.tasks.inference;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.testing.TestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Realistic API Gateway REST proxy events in, JSON proxy responses with the right status and schema out. */
class InferenceHandlerServesApiGatewayEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "predict.json, 200, predict-response",
            "predict-base64.json, 200, predict-response",
            "describe.json, 200, model-info-response",
            "predict-bad-json.json, 400, error-response",
            "predict-unknown-model.json, 404, error-response",
            "describe-wrong-method.json, 405, error-response"})
    void answersEachEvent(String event, int status, String schema) throws Exception {
        InferenceFixture fixture = new InferenceFixture();
        InferenceHandler handler = new InferenceHandler(fixture.service(), Map.of("POWERTOOLS_SERVICE_NAME", "inference"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(
                EventLoader.loadApiGatewayRestEvent("events/" + event), new TestContext("mlpipe-inference"));

        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = MAPPER.readTree(response.getBody());
        SchemaName name = SchemaName.valueOf(schema.toUpperCase().replace('-', '_'));
        assertEquals(List.of(), Schemas.shared().problems(name, body));
    }
}
