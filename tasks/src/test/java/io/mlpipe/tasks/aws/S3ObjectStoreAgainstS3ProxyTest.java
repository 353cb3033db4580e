package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.io.ObjectNotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The S3 adapter against a real S3-compatible server, with clients built from a twin-style environment. */
class S3ObjectStoreAgainstS3ProxyTest {
    private static final String BUCKET = "mlpipe-data";
    private static S3Client s3;
    private static S3ObjectStore store;

    @BeforeAll
    static void start() throws Exception {
        s3 = new AwsClients(LocalAwsServers.environment(LocalAwsServers.s3())).s3();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        store = new S3ObjectStore(s3);
    }

    @Test
    void writtenObjectsReadBackByteForByte() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17]; // larger than any buffer on the way
        new Random(1).nextBytes(data);
        try (OutputStream out = store.create(BUCKET, "processed/m/r1/train/train.csv")) {
            out.write(data, 0, 1000);
            out.write(data, 1000, data.length - 1000);
        }
        try (InputStream in = store.open(BUCKET, "processed/m/r1/train/train.csv")) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void largeObjectsAreUploadedInPartsAndReadBackByteForByte() throws Exception {
        S3ObjectStore smallParts = new S3ObjectStore(s3, 5 * 1024 * 1024); // S3's minimum part size
        byte[] data = new byte[12 * 1024 * 1024 + 5]; // two full parts and a short last one
        new Random(2).nextBytes(data);
        try (OutputStream out = smallParts.create(BUCKET, "processed/m/r2/train/train.csv")) {
            for (int offset = 0; offset < data.length; offset += 65536) {
                out.write(data, offset, Math.min(65536, data.length - offset));
            }
        }
        try (InputStream in = store.open(BUCKET, "processed/m/r2/train/train.csv")) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertEquals(0, s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size(), "no upload left open");
    }

    @Test
    void nothingIsVisibleBeforeTheStreamIsClosed() throws Exception {
        OutputStream out = store.create(BUCKET, "processed/m/r1/stats.json");
        out.write("{}".getBytes(StandardCharsets.UTF_8));
        assertFalse(store.readIfExists(BUCKET, "processed/m/r1/stats.json").isPresent());
        out.close();
        assertEquals("{}", new String(store.readIfExists(BUCKET, "processed/m/r1/stats.json").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void missingObjectsAreReportedAsMissing() {
        assertEquals(Optional.empty(), store.readIfExists(BUCKET, "config/none.json"));
        assertThrows(ObjectNotFoundException.class, () -> store.open(BUCKET, "incoming/m/none.csv"));
        assertThrows(ObjectNotFoundException.class, () -> store.open("no-such-bucket", "incoming/m/none.csv"));
    }
}
