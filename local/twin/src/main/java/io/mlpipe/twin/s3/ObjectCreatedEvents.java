package io.mlpipe.twin.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the EventBridge "Object Created" event exactly as S3 sends it (source aws.s3, the bucket ARN in
 * resources, the object's key, size, etag without quotes, version-id when versioned, a sequencer that
 * grows with every write, the request id, requester and reason).
 */
public final class ObjectCreatedEvents {
    private final String account;
    private final String region;
    private final Clock clock;
    private final AtomicLong sequence;

    public ObjectCreatedEvents(String account, String region, Clock clock) {
        this.account = account;
        this.region = region;
        this.clock = clock;
        // sequencers must keep growing across restarts: start from the clock, in microseconds
        this.sequence = new AtomicLong(ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()));
    }

    public ObjectNode event(ObjectCreation creation, long size, String etag, String versionId, String requestId,
                            String sourceIp) {
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Object Created")
                .put("source", "aws.s3")
                .put("account", account)
                .put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + creation.bucket());
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", creation.bucket());
        ObjectNode object = detail.putObject("object").put("key", creation.key()).put("size", size)
                .put("etag", etag.replace("\"", ""));
        if (versionId != null && !versionId.isEmpty() && !"null".equals(versionId)) {
            object.put("version-id", versionId);
        }
        object.put("sequencer", String.format(Locale.ROOT, "%018X", sequence.incrementAndGet()));
        detail.put("request-id", requestId)
                .put("requester", account)
                .put("source-ip-address", sourceIp)
                .put("reason", creation.reason());
        return event;
    }
}
