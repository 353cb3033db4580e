package io.mlpipe.tasks.aws;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An object written part by part: one buffer of up to {@code partSize} bytes; a full buffer becomes an UploadPart of a
 * multipart upload, and close completes it. An object smaller than one part is a single PutObject. On any
 * failure the multipart upload is aborted, so no half-written object ever appears.
 */
final class S3UploadStream extends OutputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private byte[] buffer;
    private int length;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private boolean closed;

    S3UploadStream(S3Client s3, String bucket, String key, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.buffer = new byte[Math.min(partSize, 64 * 1024)]; // grows to a part only for large objects
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, n);
            length += n;
            off += n;
            len -= n;
            if (length == buffer.length) {
                if (buffer.length < partSize) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(buffer.length * 2, partSize));
                } else {
                    uploadPart();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                s3.putObject(r -> r.bucket(bucket).key(key), body());
                return;
            }
            if (length > 0) {
                uploadPart();
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void uploadPart() {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    body()).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            length = 0;
        } catch (RuntimeException e) {
            closed = true;
            abort();
            throw e;
        }
    }

    /** The buffered bytes, streamed without a copy (ByteArrayInputStream supports the SDK's mark/reset on retry). */
    private RequestBody body() {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length);
    }

    private void abort() {
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                // the bucket's lifecycle rule for incomplete uploads cleans up what this cannot
            }
            uploadId = null;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("s3://" + bucket + "/" + key + " is already closed");
        }
    }
}
