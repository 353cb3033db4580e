package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.io.ObjectNotFoundException;
import io.mlpipe.tasks.io.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link ObjectStore} over S3. Writes go to a temporary file first and are uploaded on close: PutObject needs
 * the length up front, and a file keeps memory constant whatever the size (Lambda's /tmp holds 512 MB to 10 GB).
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String bucket, String key, String versionId) throws ObjectNotFoundException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new ObjectNotFoundException(bucket, key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // NoSuchVersion has no exception class of its own
                throw new ObjectNotFoundException(bucket, key);
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> readIfExists(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public OutputStream create(String bucket, String key) throws IOException {
        Path file = Files.createTempFile("mlpipe-upload-", ".part");
        return new FilterOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream would write byte by byte
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    super.close();
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        };
    }
}
