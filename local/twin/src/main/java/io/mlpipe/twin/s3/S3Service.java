package io.mlpipe.twin.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.twin.edge.AwsRequests;
import io.mlpipe.twin.edge.ReverseProxy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * S3 on the edge: every request is streamed to S3Proxy; a successful object creation in a bucket with
 * EventBridge notifications on then emits S3's "Object Created" event to the bus. The bucket's
 * notification configuration ({@code ?notification}) is kept here, as S3Proxy has none.
 */
public final class S3Service implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(S3Service.class.getName());
    private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final ReverseProxy proxy;
    private final EventBridgeBuckets buckets;
    private final ObjectCreatedEvents events;
    private final Consumer<ObjectNode> bus;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public S3Service(ReverseProxy proxy, EventBridgeBuckets buckets, ObjectCreatedEvents events, Consumer<ObjectNode> bus) {
        this.proxy = proxy;
        this.buckets = buckets;
        this.events = events;
        this.bus = bus;
    }

    public EventBridgeBuckets buckets() {
        return buckets;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.length() > 1 && path.indexOf('/', 1) < 0
                && AwsRequests.query(exchange.getRequestURI().getRawQuery()).containsKey("notification")) {
            notificationConfiguration(exchange, ObjectCreation.decode(path.substring(1)));
            return;
        }
        Optional<ObjectCreation> creation = ObjectCreation.of(exchange).filter(c -> buckets.enabled(c.bucket()));
        int status = proxy.forward(exchange);
        if (status / 100 == 2 && creation.isPresent()) {
            emit(creation.get(), exchange.getRemoteAddress().getAddress().getHostAddress());
        }
    }

    private void emit(ObjectCreation created, String sourceIp) {
        try {
            // the stored object is the truth for size and ETag, whatever the request's encoding was
            String key = URLEncoder.encode(created.key(), StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
            HttpResponse<Void> head = client.send(HttpRequest.newBuilder(
                            URI.create(proxy.upstream() + "/" + created.bucket() + "/" + key))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (head.statusCode() != 200) {
                LOG.warning("created object " + created + " not found afterwards: " + head.statusCode());
                return;
            }
            long size = head.headers().firstValueAsLong("Content-Length").orElse(0);
            String etag = head.headers().firstValue("ETag").orElse("");
            String versionId = head.headers().firstValue("x-amz-version-id").orElse(null);
            String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
            bus.accept(events.event(created, size, etag, versionId, requestId, sourceIp));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not emit Object Created for " + created, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** PutBucketNotificationConfiguration / GetBucketNotificationConfiguration: only EventBridge matters here. */
    private void notificationConfiguration(HttpExchange exchange, String bucket) throws IOException {
        if ("PUT".equals(exchange.getRequestMethod())) {
            String body = new String(HttpExchanges.body(exchange), StandardCharsets.UTF_8);
            buckets.set(bucket, body.contains("EventBridgeConfiguration"));
            HttpExchanges.send(exchange, 200, null, new byte[0]);
            return;
        }
        String inner = buckets.enabled(bucket) ? "<EventBridgeConfiguration></EventBridgeConfiguration>" : "";
        HttpExchanges.sendText(exchange, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NotificationConfiguration xmlns=\"" + XMLNS + "\">"
                        + inner + "</NotificationConfiguration>");
    }
}
