package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class InfoDescribesTheRunningTwinTest {

    @Test
    void jsonIsOneObjectWithEveryResourceTheContractNames() throws Exception {
        Cli.Result info = Cli.onTwin("info", "--json");
        assertEquals(0, info.status(), info::toString);
        JsonNode json = Json.MAPPER.readTree(info.out());
        assertEquals(info.out().strip(), json.toString(), "one JSON object, nothing else on stdout");

        String edge = SharedTwin.endpoint().toString();
        assertEquals(edge, json.path("endpoint").asText());
        assertTrue(json.path("bucket").asText().startsWith("mlpipe-storagedata"), json::toString);
        assertTrue(json.path("stateMachineArn").asText().startsWith("arn:aws:states:us-east-1:000000000000:stateMachine:"), json::toString);
        assertTrue(json.path("apiUrl").asText().startsWith(edge + "/restapis/") && json.path("apiUrl").asText().endsWith("/v1/_user_request_/"),
                json::toString);
        assertEquals(edge + "/_mlpipe/console/", json.path("consoleUrl").asText());
        for (String table : new String[] {"runs", "models", "inferenceLog"}) {
            assertTrue(json.path("tables").path(table).asText().startsWith("Mlpipe-Storage"), table + " in " + json);
        }
        assertTrue(json.path("functions").has("preprocess") && json.path("functions").has("inference"), json::toString);

        HttpResponse<String> console = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(json.path("consoleUrl").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode(), "the console info links to is served by the same twin");
    }

    @Test
    void textNamesTheSameResourcesForPeople() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Cli.onTwin("info", "--json").out());
        Cli.Result info = Cli.onTwin("info");
        assertEquals(0, info.status(), info::toString);
        assertTrue(info.out().startsWith("mlpipe on the local twin"), info.out());
        for (String field : new String[] {"endpoint", "bucket", "stateMachineArn", "apiUrl", "consoleUrl"}) {
            assertTrue(info.out().contains(json.get(field).asText()), field + " missing from\n" + info.out());
        }
        assertTrue(info.out().contains(json.path("tables").path("models").asText()), info.out());
    }
}
