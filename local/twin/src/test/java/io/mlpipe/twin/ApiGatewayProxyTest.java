package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The template's REST API at its local URL: proxy event in, proxy response out, validation as API Gateway does it. */
class ApiGatewayProxyTest {
    private final Twin twin = SharedTwin.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postBecomesTheProxyEventAndTheAnswerComesBack() throws Exception {
        HttpResponse<String> response = post("models/churn/predict?debug=1", "{\"rows\":[{\"a\":1}]}");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("yes", response.headers().firstValue("X-Echo").orElse(""));
        JsonNode seen = Json.MAPPER.readTree(response.body());
        assertEquals("/models/{model}/predict", seen.get("resource").asText());
        assertEquals("/models/churn/predict", seen.get("path").asText());
        assertEquals("POST", seen.get("httpMethod").asText());
        assertEquals("churn", seen.at("/pathParameters/model").asText());
        assertEquals("1", seen.at("/queryStringParameters/debug").asText());
        assertEquals("application/json", seen.get("contentType").asText());
        assertEquals("v1", seen.get("stage").asText());
        assertEquals("/models/{model}/predict", seen.get("resourcePath").asText());
        assertEquals("127.0.0.1", seen.get("sourceIp").asText());
        assertEquals("{\"rows\":[{\"a\":1}]}", seen.get("body").asText());
        assertEquals(false, seen.get("isBase64Encoded").asBoolean());
    }

    @Test
    void bodyFailingTheModelIsRefusedAsApiGatewayDoes() throws Exception {
        for (String body : new String[] {"{\"rows\":[]}", "{\"nope\":1}", "not json"}) {
            HttpResponse<String> response = post("models/churn/predict", body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("{\"message\":\"Invalid request body\"}", response.body());
        }
    }

    @Test
    void unknownRouteGetsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + "nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + "models/churn/predict"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongMethod.statusCode());
    }

    @Test
    void getWithPathParameter() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + "models/churn")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(Json.MAPPER.readTree(response.body()).get("queryStringParameters").isNull());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
