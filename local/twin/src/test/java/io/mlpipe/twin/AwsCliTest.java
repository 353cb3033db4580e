package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI v2 (Debian's /usr/bin/aws) against the twin with --endpoint-url and dummy credentials, as users run it. */
class AwsCliTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static Path home;
    private final Twin twin = SharedTwin.get();

    @BeforeAll
    static void cli() throws IOException {
        assumeTrue(Files.isExecutable(AWS), "the AWS CLI v2 is not installed (apt-get install awscli)");
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "aws-home-");
    }

    @Test
    void copiesAFileIntoTheBucketAndListsIt() throws Exception {
        Path file = Files.writeString(home.resolve("data.csv"), "a,target\n1,0\n");
        String bucket = twin.info().bucket();
        aws("s3", "cp", file.toString(), "s3://" + bucket + "/cli/data.csv");
        assertTrue(aws("s3", "ls", "s3://" + bucket + "/cli/").contains("data.csv"));
        assertEquals("a,target\n1,0\n", Clients.s3(twin.endpoint())
                .getObjectAsBytes(g -> g.bucket(bucket).key("cli/data.csv")).asUtf8String());
    }

    @Test
    void listsTablesAndPutsAnItem() throws Exception {
        String table = twin.info().tables().get("RunsTable1A2B3C4D");
        assertTrue(json(aws("dynamodb", "list-tables")).get("TableNames").toString().contains(table));
        aws("dynamodb", "put-item", "--table-name", table, "--item", "{\"runId\":{\"S\":\"r-cli\"}}");
        assertEquals("r-cli", json(aws("dynamodb", "get-item", "--table-name", table, "--key", "{\"runId\":{\"S\":\"r-cli\"}}"))
                .at("/Item/runId/S").asText());
    }

    @Test
    void putsEventsAndManagesRules() throws Exception {
        aws("events", "put-rule", "--name", "cli-rule", "--event-pattern", "{\"source\":[\"cli\"]}");
        assertEquals("ENABLED", json(aws("events", "describe-rule", "--name", "cli-rule")).get("State").asText());
        JsonNode put = json(aws("events", "put-events", "--entries",
                "[{\"Source\":\"cli\",\"DetailType\":\"t\",\"Detail\":\"{\\\"a\\\":1}\"}]"));
        assertEquals(0, put.get("FailedEntryCount").asInt());
    }

    @Test
    void invokesAFunctionAndPublishesToATopic() throws Exception {
        Path out = home.resolve("out.json");
        JsonNode result = json(aws("lambda", "invoke", "--function-name", "mlpipe-upper", "--cli-binary-format",
                "raw-in-base64-out", "--payload", "\"cli\"", out.toString()));
        assertEquals(200, result.get("StatusCode").asInt());
        assertEquals("\"CLI\"", Files.readString(out));
        String topic = json(aws("sns", "create-topic", "--name", "cli-topic")).get("TopicArn").asText();
        assertTrue(json(aws("sns", "publish", "--topic-arn", topic, "--message", "hello")).has("MessageId"));
    }

    @Test
    void readsADeadLetterQueueInTheQueryProtocolItSpeaks() throws Exception {
        String url = json(aws("sqs", "create-queue", "--queue-name", "cli-queue")).get("QueueUrl").asText();
        aws("sqs", "send-message", "--queue-url", url, "--message-body", "failed event",
                "--message-attributes", "{\"ERROR_CODE\":{\"DataType\":\"String\",\"StringValue\":\"Boom\"}}");
        assertEquals("1", json(aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names",
                "ApproximateNumberOfMessages")).at("/Attributes/ApproximateNumberOfMessages").asText());
        JsonNode message = json(aws("sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All",
                "--attribute-names", "All")).get("Messages").get(0);
        assertEquals("failed event", message.get("Body").asText());
        assertEquals("Boom", message.at("/MessageAttributes/ERROR_CODE/StringValue").asText());
        assertEquals("1", message.at("/Attributes/ApproximateReceiveCount").asText());
        aws("sqs", "delete-message", "--queue-url", url, "--receipt-handle", message.get("ReceiptHandle").asText());
        Result missing = run("sqs", "get-queue-url", "--queue-name", "no-such-queue");
        assertTrue(missing.output().contains("NonExistentQueue"), missing.output());
    }

    @Test
    void errorsReachTheCliAsAwsErrors() throws Exception {
        Result result = run("dynamodb", "describe-table", "--table-name", "no-such-table");
        assertEquals(254, result.exitCode(), result.output());
        assertTrue(result.output().contains("ResourceNotFoundException"), result.output());
    }

    private String aws(String... arguments) throws Exception {
        Result result = run(arguments);
        assertEquals(0, result.exitCode(), String.join(" ", arguments) + ":\n" + result.output());
        return result.output();
    }

    private Result run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", twin.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private static JsonNode json(String output) throws IOException {
        return Json.MAPPER.readTree(output);
    }

    private record Result(int exitCode, String output) {
    }
}
