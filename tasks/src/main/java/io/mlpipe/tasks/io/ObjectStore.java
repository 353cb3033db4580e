package io.mlpipe.tasks.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** The few object-store operations the tasks need (S3 on AWS and in the twin, a map in tests). */
public interface ObjectStore {

    /** Streams the current version of an object; the caller closes the stream. */
    default InputStream open(String bucket, String key) throws ObjectNotFoundException, IOException {
        return open(bucket, key, null);
    }

    /** Streams one version of an object ({@code versionId} null: the current one); the caller closes the stream. */
    InputStream open(String bucket, String key, String versionId) throws ObjectNotFoundException, IOException;

    /** A small object's bytes, or empty when it does not exist. */
    Optional<byte[]> readIfExists(String bucket, String key) throws IOException;

    /**
     * A stream whose bytes become the object when it is closed; nothing is visible before that.
     * Memory stays constant whatever is written.
     */
    OutputStream create(String bucket, String key) throws IOException;
}
