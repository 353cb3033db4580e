package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The workflow module's real synthesized template (built by {@code mvn -pl workflow package}) on the twin,
 * with the real handlers of tasks/: the inference API answers through the API Gateway front, DynamoDB
 * and S3 behind the edge.
 */
class SynthesizedTemplateTest {
    private static final Path TEMPLATE = Path.of("../../workflow/target/cdk.out/Mlpipe.template.json");
    private static Twin twin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.exists(TEMPLATE), "the workflow module has not synthesized its template yet");
        twin = Twin.builder().dataDirectory(Files.createTempDirectory(Path.of("target"), "synthesized-")).port(0)
                .waitScale(0.01).template(TEMPLATE).build().start();
    }

    @AfterAll
    static void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void everyResourceTheTwinRunsIsCreatedAndTheRestListed() throws Exception {
        TwinInfo info = twin.info();
        assertNotNull(info.bucket());
        assertTrue(twin.s3().buckets().enabled(info.bucket()));
        assertEquals(3, info.tables().size());
        assertTrue(info.stateMachineArn().startsWith("arn:aws:states:us-east-1:000000000000:stateMachine:Mlpipe-"));
        assertNotNull(info.apiUrl());
        assertEquals(2, twin.stack().functions().size());
        assertEquals(1, twin.unclaimedStateMachines().size());
        String definition = twin.unclaimedStateMachines().get(0).definition();
        assertTrue(Json.MAPPER.readTree(definition).has("StartAt"), "definition resolves to JSON");
        assertTrue(twin.stack().skipped().containsKey("AWS::IAM::Role"));
        assertTrue(twin.stack().skipped().containsKey("AWS::CloudWatch::Alarm"));
    }

    @Test
    void inferenceApiAnswersThroughTheRealHandler() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + "models/nosuchmodel"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(Json.MAPPER.readTree(unknown.body()).has("message"));

        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create(twin.info().apiUrl() + "models/churn/predict"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"rows\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, invalid.statusCode());
        assertEquals("{\"message\":\"Invalid request body\"}", invalid.body());
    }

    @Test
    void preprocessReportsAMissingObjectAsItsDomainError() throws Exception {
        String function = twin.stack().functions().values().stream().filter(n -> n.contains("Preprocess")).findFirst().orElseThrow();
        InvokeResponse response = Clients.lambda(twin.endpoint()).invoke(i -> i.functionName(function + ":live")
                .payload(SdkBytes.fromUtf8String("{\"bucket\":\"" + twin.info().bucket()
                        + "\",\"key\":\"incoming/churn/missing.csv\",\"model\":\"churn\",\"runId\":\"r-1\",\"executionName\":\"e\"}")));
        assertEquals("Unhandled", response.functionError());
        JsonNode error = Json.MAPPER.readTree(response.payload().asUtf8String());
        assertEquals("io.mlpipe.tasks.preprocess.DataNotFoundError", error.get("errorType").asText(), error.toString());
    }
}
