package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsError;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each request to the first route that accepts it, in registration order (register the most
 * specific routes first). A request no route accepts, or one a handler fails on without answering,
 * gets an AWS-style error: never a hang.
 */
public final class EdgeRouter implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(EdgeRouter.class.getName());

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public void add(Route route) {
        routes.add(route);
    }

    /** Routes of plugins go first: they may be more specific than a built-in service's. */
    public void addFirst(Route route) {
        routes.add(0, route);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Route route = routes.stream().filter(r -> r.accepts().test(exchange)).findFirst().orElse(null);
            if (route == null) {
                ErrorResponses.send(exchange, new AwsError(400, "UnknownOperationException",
                        "No local service serves " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                                + " (routed by SigV4 scope, X-Amz-Target and path)"));
                return;
            }
            try {
                route.handler().handle(exchange);
            } catch (AwsError e) {
                ErrorResponses.sendIfOpen(exchange, e);
            } catch (IOException e) {
                if (clientLeft(e)) {
                    // a load generator stopping mid-request (wrk at the end of its run): nothing to answer, no fault here
                    LOG.log(Level.FINE, () -> "the client of " + exchange.getRequestURI() + " left before its answer: " + e);
                    return;
                }
                fail(route, exchange, e);
            } catch (RuntimeException | Error e) {
                fail(route, exchange, e);
            }
        }
    }

    /** The connection was closed by the client while the answer was being written. */
    static boolean clientLeft(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Connection reset");
    }

    /**
     * Answers AWS's 500 for a handler that failed: an Error too (a handler's NoClassDefFoundError, a native library's
     * UnsatisfiedLinkError), so the client gets an answer instead of a dropped connection it would retry blindly.
     */
    private static void fail(Route route, HttpExchange exchange, Throwable e) throws IOException {
        LOG.log(Level.WARNING, route.service() + " failed on " + exchange.getRequestURI(), e);
        ErrorResponses.sendIfOpen(exchange, new AwsError(500, "InternalFailure", String.valueOf(e.getMessage())));
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }
}
