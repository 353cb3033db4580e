package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The template's Java functions, invoked in-process through Lambda's Invoke API as the SDK calls it. */
class LambdaInvokeTest {
    private final Twin twin = SharedTwin.get();
    private final LambdaClient lambda = Clients.lambda(twin.endpoint());
    private final String echo = twin.stack().functions().get("EchoFunction0E0E0E0E");

    @Test
    void pojoHandlerGetsContextAndTheTemplateEnvironment() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName(echo).payload(SdkBytes.fromUtf8String("{\"x\":1}")));
        assertNull(response.functionError());
        JsonNode out = Json.MAPPER.readTree(response.payload().asUtf8String());
        assertEquals(1, out.at("/input/x").asInt());
        assertEquals(twin.info().tables().get("RunsTable1A2B3C4D"), out.get("table").asText());
        assertEquals(twin.endpoint().toString(), out.get("endpoint").asText());
        assertEquals(echo, out.get("functionName").asText());
        assertEquals(512, out.get("memory").asInt());
        int remaining = out.get("remainingMillis").asInt();
        assertTrue(remaining > 0 && remaining <= 2000, "remaining " + remaining);
    }

    @Test
    void aliasQualifierRunsThePublishedVersion() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName(echo + ":live").payload(SdkBytes.fromUtf8String("{}")));
        assertEquals("1", response.executedVersion());
        assertEquals("1", Json.MAPPER.readTree(response.payload().asUtf8String()).get("functionVersion").asText());
    }

    @Test
    void handlerExceptionIsAnUnhandledFunctionError() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName(echo).payload(SdkBytes.fromUtf8String("{\"fail\":\"row 3\"}")));
        assertEquals("Unhandled", response.functionError());
        JsonNode error = Json.MAPPER.readTree(response.payload().asUtf8String());
        assertEquals("io.mlpipe.twin.testfunctions.EchoHandler$DataValidationError", error.get("errorType").asText());
        assertEquals("row 3", error.get("errorMessage").asText());
        assertTrue(error.get("stackTrace").isArray() && error.get("stackTrace").size() > 0);
    }

    @Test
    void timeoutEndsTheInvocation() throws Exception {
        long started = System.nanoTime();
        InvokeResponse response = lambda.invoke(i -> i.functionName(echo).payload(SdkBytes.fromUtf8String("{\"sleepMillis\":10000}")));
        assertTrue(System.nanoTime() - started < 8_000_000_000L);
        assertEquals("Unhandled", response.functionError());
        assertTrue(Json.MAPPER.readTree(response.payload().asUtf8String()).get("errorMessage").asText()
                .contains("Task timed out after 2.00 seconds"));
    }

    @Test
    void streamHandlerAndLogTail() {
        InvokeResponse response = lambda.invoke(i -> i.functionName("mlpipe-upper").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("\"abc\"")));
        assertEquals("\"ABC\"", response.payload().asUtf8String());
        assertTrue(new String(Base64.getDecoder().decode(response.logResult())).contains("REPORT RequestId"));
    }

    @Test
    void printedLinesAndMetricsAreKeptPerFunction() {
        lambda.invoke(i -> i.functionName(echo).payload(SdkBytes.fromUtf8String("{\"mark\":\"kept-in-log\"}")));
        String log = twin.lambdas().logs().read(echo);
        assertTrue(log.contains("echo handler got {mark=kept-in-log}"), log);
        assertTrue(log.contains("\"_aws\":{\"CloudWatchMetrics\""), log);
        assertTrue(log.contains("logged through the context"), log);
        assertTrue(log.contains("START RequestId"), log);
    }

    @Test
    void eventInvocationRunsInTheBackground() {
        InvokeResponse response = lambda.invoke(i -> i.functionName(echo).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"mark\":\"async-run\"}")));
        assertEquals(202, response.statusCode());
        Poll.until(() -> twin.lambdas().logs().read(echo).contains("async-run") ? Optional.of(true) : Optional.empty(),
                Duration.ofSeconds(10), "the asynchronous invocation");
    }

    @Test
    void listsAndDescribesTheTemplateFunctions() {
        assertTrue(lambda.listFunctions().functions().stream().anyMatch(f -> f.functionName().equals("mlpipe-upper")));
        var configuration = lambda.getFunction(g -> g.functionName(echo)).configuration();
        assertEquals("io.mlpipe.twin.testfunctions.EchoHandler::handleRequest", configuration.handler());
        assertEquals(2, configuration.timeout());
        assertEquals(twin.info().tables().get("RunsTable1A2B3C4D"), configuration.environment().variables().get("RUNS_TABLE"));
    }

    @Test
    void unknownFunctionIsAnAwsError() {
        assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(i -> i.functionName("no-such-function")));
    }
}
