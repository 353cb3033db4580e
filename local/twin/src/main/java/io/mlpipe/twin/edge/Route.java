package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.function.Predicate;

/**
 * One service's claim on the edge: requests the predicate accepts go to the handler. The predicate
 * may only look at the request line and headers (never the body), so routing costs nothing.
 */
public record Route(String service, Predicate<HttpExchange> accepts, HttpHandler handler) {

    /** Requests whose {@code X-Amz-Target} starts with {@code prefix + "."} (AWS JSON protocol services). */
    public static Predicate<HttpExchange> target(String prefix) {
        return exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            return target != null && target.startsWith(prefix + ".");
        };
    }

    /** Requests signed for this SigV4 service name (credential scope). */
    public static Predicate<HttpExchange> scope(String service) {
        return exchange -> AwsRequests.signingService(exchange).map(service::equals).orElse(false);
    }

    /** Requests whose raw path starts with {@code prefix}. */
    public static Predicate<HttpExchange> pathPrefix(String prefix) {
        return exchange -> exchange.getRequestURI().getRawPath().startsWith(prefix);
    }

    /** Requests whose raw path matches the regular expression. */
    public static Predicate<HttpExchange> pathMatches(String regex) {
        return exchange -> exchange.getRequestURI().getRawPath().matches(regex);
    }
}
