package io.mlpipe.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP to the shared twin's console and REST API, as a browser or curl would call them. */
final class ConsoleHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConsoleHttp() {
    }

    static HttpResponse<String> get(String pathUnderConsole) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(SharedTwin.console().resolve(pathUnderConsole)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The API's answer as JSON; fails unless it is a 200. */
    static JsonNode api(String route) throws Exception {
        HttpResponse<String> response = get("api/" + route);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET api/" + route + " answered " + response.statusCode() + ": " + response.body());
        }
        return SdkJson.MAPPER.readTree(response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A prediction through the pipeline's REST API, so the inference log has an entry. */
    static HttpResponse<String> predict(String model, String rowsJson) throws Exception {
        URI uri = URI.create(SharedTwin.get().info().apiUrl() + "models/" + model + "/predict");
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rows\":" + rowsJson + "}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
