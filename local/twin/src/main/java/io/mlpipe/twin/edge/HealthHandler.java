package io.mlpipe.twin.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * {@code GET /_mlpipe/health}: each service's status ("running" or what is wrong); 200 when the twin has
 * started (every service, plugin and the template's resources) and every service is running, 503 otherwise
 * ({@code "status": "starting"} before that), so a script can poll it until the twin is up.
 */
public final class HealthHandler implements HttpHandler {
    public static final String PATH = "/_mlpipe/health";
    public static final String RUNNING = "running";

    private final Map<String, Supplier<String>> services = new ConcurrentSkipListMap<>();
    private volatile boolean started;

    public void register(String service, Supplier<String> status) {
        services.put(service, status);
    }

    /** The twin has finished starting: from now on the answer follows the services' statuses. */
    public void started() {
        started = true;
    }

    public Map<String, String> statuses() {
        Map<String, String> result = new java.util.TreeMap<>();
        services.forEach((name, status) -> result.put(name, safely(status)));
        return result;
    }

    private static String safely(Supplier<String> status) {
        try {
            return status.get();
        } catch (RuntimeException e) {
            return "failing: " + e.getMessage();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> statuses = statuses();
        boolean up = started && statuses.values().stream().allMatch(RUNNING::equals);
        ObjectNode body = Json.object().put("status", up ? "up" : started ? "degraded" : "starting");
        ObjectNode each = body.putObject("services");
        statuses.forEach(each::put);
        HttpExchanges.send(exchange, up ? 200 : 503, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }
}
