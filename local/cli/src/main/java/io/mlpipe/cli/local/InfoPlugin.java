package io.mlpipe.cli.local;

import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.cli.connection.Resources;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a running twin tells the CLI in another process: {@code GET /_mlpipe/info} (the resources, as
 * {@code mlpipe info --json} prints them) and {@code GET /_mlpipe/logs/{function or training job}} (what it
 * printed, as text).
 */
final class InfoPlugin implements TwinPlugin {
    static final String LOGS_PATH = LocalTwin.LOGS_PATH;

    private final Supplier<Resources> resources;
    private final Function<String, Optional<String>> logs;

    /** @param resources null until the twin has started (answered with 503 until then) */
    InfoPlugin(Supplier<Resources> resources, Function<String, Optional<String>> logs) {
        this.resources = resources;
        this.logs = logs;
    }

    @Override
    public String name() {
        return "mlpipe-info";
    }

    @Override
    public void start(TwinContext context) {
        context.route(new Route("mlpipe-info", get(Target.INFO_PATH::equals), this::info));
        context.route(new Route("mlpipe-logs", get(path -> path.startsWith(LOGS_PATH)), this::logs));
    }

    private static java.util.function.Predicate<HttpExchange> get(java.util.function.Predicate<String> path) {
        return exchange -> exchange.getRequestMethod().equals("GET") && path.test(exchange.getRequestURI().getRawPath());
    }

    private void info(HttpExchange exchange) throws IOException {
        Resources current = resources.get();
        if (current == null) {
            HttpExchanges.send(exchange, 503, "application/json",
                    Json.MAPPER.writeValueAsBytes(Json.object().put("message", "the twin is still starting")));
            return;
        }
        HttpExchanges.send(exchange, 200, "application/json", Json.MAPPER.writeValueAsBytes(current.toJson()));
    }

    private void logs(HttpExchange exchange) throws IOException {
        String name = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(LOGS_PATH.length()),
                StandardCharsets.UTF_8);
        Optional<String> text = logs.apply(name);
        if (text.isEmpty()) {
            HttpExchanges.sendText(exchange, 404, "text/plain; charset=utf-8", "no function or training job named " + name);
        } else {
            HttpExchanges.sendText(exchange, 200, "text/plain; charset=utf-8", text.get());
        }
    }
}
