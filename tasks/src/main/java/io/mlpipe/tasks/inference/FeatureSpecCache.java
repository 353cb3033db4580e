package io.mlpipe.tasks.inference;

import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.io.ObjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feature specs by S3 URI. A run's features.json never changes, so each is read once per Lambda instance; a new
 * champion has a new URI. Holds the row encoder built from the spec too.
 */
final class FeatureSpecCache {
    record Entry(FeatureSpec spec, RowEncoder encoder) {
    }

    private final ObjectStore store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    FeatureSpecCache(ObjectStore store) {
        this.store = store;
    }

    /** The spec at {@code s3Uri}; empty-handed (IllegalStateException) when the object is gone. */
    Entry get(String s3Uri) {
        return entries.computeIfAbsent(s3Uri, this::load);
    }

    private Entry load(String s3Uri) {
        if (!s3Uri.startsWith("s3://") || s3Uri.indexOf('/', 5) < 0) {
            throw new IllegalStateException("the champion's featuresUri is not an S3 URI: " + s3Uri);
        }
        int slash = s3Uri.indexOf('/', 5);
        String bucket = s3Uri.substring(5, slash);
        String key = s3Uri.substring(slash + 1);
        try {
            byte[] json = store.readIfExists(bucket, key)
                    .orElseThrow(() -> new IllegalStateException("the champion's feature list " + s3Uri + " does not exist"));
            FeatureSpec spec = FeatureSpec.fromJson(json);
            return new Entry(spec, new RowEncoder(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + s3Uri, e);
        }
    }
}
