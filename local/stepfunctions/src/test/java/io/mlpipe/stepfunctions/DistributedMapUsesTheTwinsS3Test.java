package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Distributed Map's ItemReader (arn:aws:states:::s3:getObject, s3:listObjectsV2) and ResultWriter
 * (arn:aws:states:::s3:putObject) reach the twin's S3 like aws-sdk:s3 does.
 */
class DistributedMapUsesTheTwinsS3Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "sfn-test-drops";
    private static final String PROCESSOR = "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
    private final S3Client s3 = Clients.s3(SharedTwin.endpoint());

    private JsonNode run(String map) throws Exception {
        String arn = Machines.start(sfn, Machines.create(sfn, "dmap", "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + map + ",\"End\":true}}}"), "{}");
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn, Duration.ofSeconds(60));
        assertEquals(ExecutionStatus.SUCCEEDED, d.status(), () -> Machines.explain(sfn, d.executionArn()));
        return JSON.readTree(d.output());
    }

    private JsonNode object(String key) throws Exception {
        return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String());
    }

    @Test
    void aCsvIsReadFromS3AndTheResultsAreWrittenBack() throws Exception {
        String dir = "dmap/" + UUID.randomUUID() + "/";
        s3.putObject(b -> b.bucket(BUCKET).key(dir + "rows.csv"), RequestBody.fromString("id,score\n1,0.5\n2,0.7\n"));
        JsonNode out = run("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\",\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"},"
                + "\"Parameters\":{\"Bucket\":\"" + BUCKET + "\",\"Key\":\"" + dir + "rows.csv\"}},"
                + "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"" + BUCKET + "\",\"Prefix\":\"" + dir + "out\"}},"
                + PROCESSOR);
        JsonNode manifest = object(out.path("ResultWriterDetails").path("Key").asText());
        assertEquals(out.path("MapRunArn").asText(), manifest.path("MapRunArn").asText());
        JsonNode succeeded = object(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText());
        assertEquals(2, succeeded.size());
        assertEquals(JSON.readTree("{\"id\":\"1\",\"score\":\"0.5\"}"), JSON.readTree(succeeded.get(0).path("Output").asText()));
    }

    @Test
    void theObjectsUnderAPrefixAreTheItems() throws Exception {
        String dir = "dmap/" + UUID.randomUUID() + "/";
        for (String name : new String[] {"a.txt", "b.txt"}) s3.putObject(b -> b.bucket(BUCKET).key(dir + name), RequestBody.fromString(name));
        JsonNode out = run("\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:listObjectsV2\",\"Parameters\":{\"Bucket\":\"" + BUCKET + "\",\"Prefix\":\"" + dir + "\"}},"
                + "\"ItemSelector\":{\"key.$\":\"$$.Map.Item.Value.Key\",\"size.$\":\"$$.Map.Item.Value.Size\"}," + PROCESSOR);
        assertEquals(JSON.readTree("[{\"key\":\"" + dir + "a.txt\",\"size\":5},{\"key\":\"" + dir + "b.txt\",\"size\":5}]"), out);
    }
}
