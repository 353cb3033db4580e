package io.mlpipe.sagemaker.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 implementation against a real S3Proxy (SigV4 checked): put, get, list a prefix, what is missing. */
class S3ObjectStoreWorksAgainstS3ProxyTest {
    @TempDir
    Path dir;

    @Test
    void putsGetsAndListsUnderAPrefix() throws Exception {
        try (S3ObjectStore store = io.mlpipe.sagemaker.TestS3.objectStore()) {
            Path file = Files.writeString(dir.resolve("f.txt"), "hello", StandardCharsets.UTF_8);
            store.put(io.mlpipe.sagemaker.TestS3.BUCKET, "store/a/one.txt", file);
            store.put(io.mlpipe.sagemaker.TestS3.BUCKET, "store/a/two.txt", file);
            store.put(io.mlpipe.sagemaker.TestS3.BUCKET, "store/b/three.txt", file);

            assertEquals(List.of("store/a/one.txt", "store/a/two.txt"), store.list(io.mlpipe.sagemaker.TestS3.BUCKET, "store/a/"));
            try (InputStream in = store.get(io.mlpipe.sagemaker.TestS3.BUCKET, "store/a/two.txt")) {
                assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThrows(FileNotFoundException.class, () -> store.get(io.mlpipe.sagemaker.TestS3.BUCKET, "store/none"));
            assertThrows(FileNotFoundException.class, () -> store.list("no-such-bucket", ""));
            assertEquals(List.of(), store.list(io.mlpipe.sagemaker.TestS3.BUCKET, "store/c/"));
        }
    }

    @Test
    void parsesS3Uris() {
        assertEquals(new S3Uri("b", "k/x.csv"), S3Uri.parse("s3://b/k/x.csv"));
        assertEquals("s3://b/models/job/output/model.tar.gz",
                S3Uri.parse("s3://b/models/").resolve("job/output/model.tar.gz").toString());
        assertEquals("s3://b/models/job", S3Uri.parse("s3://b/models").resolve("job").toString());
        assertThrows(IllegalArgumentException.class, () -> S3Uri.parse("https://b/k"));
    }
}
