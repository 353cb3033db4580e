package io.mlpipe.console.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pages, styles and scripts, from the jar's {@code io/mlpipe/console/web/}. Only flat file names are
 * served, so no request reaches other resources.
 */
public final class StaticFiles {
    private static final String ROOT = "io/mlpipe/console/web/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    /** @param name the path under the console (empty: the executions page) */
    public void serve(HttpExchange exchange, String name) throws IOException {
        String file = name.isEmpty() ? "index.html" : name;
        InputStream in = NAME.matcher(file).matches() ? StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + file) : null;
        if (in == null) {
            Responses.error(exchange, 404, "the console has no page " + name);
            return;
        }
        byte[] body;
        try (in) {
            body = in.readAllBytes();
        }
        Responses.send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), body);
    }
}
