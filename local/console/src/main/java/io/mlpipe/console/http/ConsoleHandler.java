package io.mlpipe.console.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Everything under the console's path: {@code api/<name>} goes to that JSON route, anything else is a
 * static file; the bare path (no trailing slash) redirects, so the pages' relative links resolve.
 */
public final class ConsoleHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ConsoleHandler.class.getName());

    private final String path;
    private final Map<String, JsonApi> api;
    private final StaticFiles files;

    /** @param path the console's path, with the trailing slash ({@code /_mlpipe/console/}) */
    public ConsoleHandler(String path, Map<String, JsonApi> api, StaticFiles files) {
        this.path = path;
        this.api = Map.copyOf(api);
        this.files = files;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requested = exchange.getRequestURI().getPath();
        if (requested.equals(path.substring(0, path.length() - 1))) {
            exchange.getResponseHeaders().set("Location", path);
            Responses.send(exchange, 308, "text/plain", new byte[0]);
            return;
        }
        if (!requested.startsWith(path)) {
            Responses.error(exchange, 404, "nothing at " + requested);
            return;
        }
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            Responses.error(exchange, 405, "the console only reads");
            return;
        }
        String name = requested.substring(path.length());
        if (name.startsWith("api/")) {
            answer(exchange, name.substring("api/".length()));
        } else {
            files.serve(exchange, name);
        }
    }

    private void answer(HttpExchange exchange, String name) throws IOException {
        JsonApi route = api.get(name);
        if (route == null) {
            Responses.error(exchange, 404, "the console's API has no route " + name);
            return;
        }
        try {
            Responses.json(exchange, 200, route.answer(Query.parse(exchange.getRequestURI().getRawQuery())));
        } catch (Query.BadRequest e) {
            Responses.error(exchange, 400, e.getMessage());
        } catch (AwsServiceException e) {
            // What the twin's service said, e.g. ExecutionDoesNotExist for a mistyped ARN.
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            Responses.error(exchange, code.endsWith("DoesNotExist") || code.endsWith("NotFoundException") ? 404 : 502,
                    code + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "console API " + name + " failed", e);
            Responses.error(exchange, 500, String.valueOf(e.getMessage()));
        }
    }
}
