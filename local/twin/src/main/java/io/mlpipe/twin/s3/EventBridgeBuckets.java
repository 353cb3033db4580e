package io.mlpipe.twin.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.twin.store.JsonFile;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/** The buckets whose EventBridge notifications are on (persisted: the setting survives a restart). */
public final class EventBridgeBuckets {
    private final JsonFile file;
    private final Set<String> buckets = new ConcurrentSkipListSet<>();

    public EventBridgeBuckets(JsonFile file) {
        this.file = file;
        file.read().ifPresent(names -> names.forEach((JsonNode name) -> buckets.add(name.asText())));
    }

    public boolean enabled(String bucket) {
        return buckets.contains(bucket);
    }

    public synchronized void set(String bucket, boolean enabled) {
        boolean changed = enabled ? buckets.add(bucket) : buckets.remove(bucket);
        if (changed) {
            file.write(new TreeSet<>(buckets));
        }
    }
}
