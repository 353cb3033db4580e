package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.io.ObjectNotFoundException;
import io.mlpipe.tasks.io.ObjectStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** {@link ObjectStore} over S3. */
public final class S3ObjectStore implements ObjectStore {
    /** 8 MiB parts: above S3's 5 MiB minimum, small enough to keep two uploads well inside a 256 MB heap. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final int partSize;

    public S3ObjectStore(S3Client s3) {
        this(s3, PART_SIZE);
    }

    S3ObjectStore(S3Client s3, int partSize) {
        this.s3 = s3;
        this.partSize = partSize;
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

    /** Streams to S3 in parts (multipart upload), so neither memory nor /tmp grows with the object. */
    @Override
    public OutputStream create(String bucket, String key) {
        return new S3UploadStream(s3, bucket, key, partSize);
    }
}
