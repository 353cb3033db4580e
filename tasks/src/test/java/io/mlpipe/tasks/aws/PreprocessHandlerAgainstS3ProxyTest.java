package io.mlpipe.tasks.aws;

import io.mlpipe.tasks.preprocess.DataNotFoundError;
import io.mlpipe.tasks.preprocess.PreprocessHandler;
import io.mlpipe.tasks.testing.Resources;
import io.mlpipe.tasks.testing.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler as the twin runs it: built from the function's environment, reading and writing a real S3 server. */
class PreprocessHandlerAgainstS3ProxyTest {
    private static final String BUCKET = "mlpipe-twin-data";
    private static Map<String, String> env;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        env = LocalAwsServers.environment(LocalAwsServers.s3());
        s3 = new AwsClients(env).s3();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @Test
    void preprocessesAnUploadedFileIntoTheBucket() {
        s3.putObject(b -> b.bucket(BUCKET).key("incoming/houses/jan.csv"), RequestBody.fromBytes(Resources.bytes("csv/houses.csv")));
        s3.putObject(b -> b.bucket(BUCKET).key("config/houses.json"), RequestBody.fromString("{\"target\": \"price\"}"));

        Map<String, Object> output = new PreprocessHandler(env).handleRequest(input("houses", "incoming/houses/jan.csv"),
                new TestContext("mlpipe-preprocess"));

        assertEquals("regression", output.get("problemType"));
        String prefix = "processed/houses/r-twin-1/";
        long rows = ((Number) ((Map<?, ?>) output.get("rows")).get("total")).longValue();
        long lines = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "train/train.csv")).asUtf8String().lines().count()
                + s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "validation/validation.csv")).asUtf8String().lines().count();
        assertEquals(rows, lines);
        assertTrue(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "features.json")).asUtf8String().contains("\"neighbourhood\""));
    }

    @Test
    void aMissingObjectIsDataNotFound() {
        assertThrows(DataNotFoundError.class, () -> new PreprocessHandler(env)
                .handleRequest(input("houses", "incoming/houses/none.csv"), new TestContext("mlpipe-preprocess")));
    }

    private static Map<String, Object> input(String model, String key) {
        return new HashMap<>(Map.of("bucket", BUCKET, "key", key, "model", model, "runId", "r-twin-1"));
    }
}
