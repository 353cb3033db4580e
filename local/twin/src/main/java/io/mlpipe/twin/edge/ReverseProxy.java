package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards a request to a server on a loopback port (S3Proxy, DynamoDB Local) and streams both bodies:
 * an object upload or download never sits whole in memory.
 */
public final class ReverseProxy implements HttpHandler {
    /** Connection-level headers, and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date");

    private final URI upstream;
    private final HttpClient client;

    public ReverseProxy(URI upstream) {
        this.upstream = upstream;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI upstream() {
        return upstream;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        forward(exchange);
    }

    /** Forwards the exchange, answers it, and returns the upstream's status. */
    public int forward(HttpExchange exchange) throws IOException {
        return forward(exchange, body(exchange));
    }

    /** Forwards the exchange with a body already read (by a handler that had to look at it). */
    public int forward(HttpExchange exchange, byte[] body) throws IOException {
        return forward(exchange, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private int forward(HttpExchange exchange, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstreamUri(exchange))
                .method(exchange.getRequestMethod(), body);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + upstream, e);
        }
        relay(exchange, response);
        return response.statusCode();
    }

    private URI upstreamUri(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery();
        return URI.create(upstream + uri.getRawPath() + (query == null ? "" : "?" + query));
    }

    private static HttpRequest.BodyPublisher body(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
        if (length == null && !chunked || "0".equals(length)) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        return length == null ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, Long.parseLong(length));
    }

    private static void relay(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean headRequest = "HEAD".equals(exchange.getRequestMethod());
            // a HEAD answer states the length of what a GET would send: keep it
            if (!NOT_FORWARDED.contains(name) && !name.startsWith(":") || headRequest && name.equals("content-length")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        int status = response.statusCode();
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-2);
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304 || length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : length > 0 ? length : 0);
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                in.transferTo(out);
            }
        }
    }
}
