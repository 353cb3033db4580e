package io.mlpipe.tasks.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ObjectStore} in a map, keyed "bucket/key" (one version each); an object appears when its stream is closed,
 * as in S3. The handlers prime on it (SnapStart), the tests use it instead of S3.
 */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    public InMemoryObjectStore put(String bucket, String key, byte[] bytes) {
        objects.put(bucket + "/" + key, bytes);
        return this;
    }

    public InMemoryObjectStore put(String bucket, String key, String text) {
        return put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes(String bucket, String key) {
        byte[] bytes = objects.get(bucket + "/" + key);
        if (bytes == null) {
            throw new IllegalStateException("no object s3://" + bucket + "/" + key + "; have " + new TreeMap<>(objects).keySet());
        }
        return bytes;
    }

    public String text(String bucket, String key) {
        return new String(bytes(bucket, key), StandardCharsets.UTF_8);
    }

    public boolean exists(String bucket, String key) {
        return objects.containsKey(bucket + "/" + key);
    }

    @Override
    public InputStream open(String bucket, String key, String versionId) throws ObjectNotFoundException {
        byte[] bytes = objects.get(bucket + "/" + key);
        if (bytes == null) {
            throw new ObjectNotFoundException(bucket, key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public Optional<byte[]> readIfExists(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    @Override
    public OutputStream create(String bucket, String key) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                objects.put(bucket + "/" + key, toByteArray());
            }
        };
    }
}
