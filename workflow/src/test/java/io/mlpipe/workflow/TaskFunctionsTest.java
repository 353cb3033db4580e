package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The preprocess and inference Lambdas: runtime, SnapStart behind an alias, tracing, logs, environment. */
class TaskFunctionsTest {

    private final Template template = SynthesizedStack.get().template;

    @ParameterizedTest
    @ValueSource(strings = {TaskFunctions.PREPROCESS_HANDLER, TaskFunctions.INFERENCE_HANDLER})
    void functionRunsJava21WithSnapStartTracingItsLogGroupAndTheContractEnvironment(String handler) {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", handler,
                "Runtime", "java21",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig", Map.of("Mode", "Active"),
                "LoggingConfig", Match.objectLike(Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("Functions.*Logs.*")))),
                "Environment", Map.of("Variables", Map.of(
                        "DATA_BUCKET", Map.of("Ref", Match.stringLikeRegexp("StorageData.*")),
                        "RUNS_TABLE", Map.of("Ref", Match.stringLikeRegexp("StorageRuns.*")),
                        "MODELS_TABLE", Map.of("Ref", Match.stringLikeRegexp("StorageModels.*")),
                        "INFERENCE_LOG_TABLE", Map.of("Ref", Match.stringLikeRegexp("StorageInferenceLog.*")),
                        "POWERTOOLS_SERVICE_NAME", Match.stringLikeRegexp("mlpipe-.*"),
                        "POWERTOOLS_METRICS_NAMESPACE", "mlpipe",
                        "LOG_LEVEL", "INFO",
                        "INFERENCE_LOG_TTL_DAYS", "30")))));
    }

    @Test
    void preprocessRunsTheFullJitAndInferenceLambdasDefault() {
        assertEquals(TaskFunctions.PREPROCESS_JVM_OPTIONS, variables(TaskFunctions.PREPROCESS_HANDLER).path("JAVA_TOOL_OPTIONS").asText());
        assertTrue(TaskFunctions.PREPROCESS_JVM_OPTIONS.contains("-XX:TieredStopAtLevel=4"));
        assertTrue(variables(TaskFunctions.INFERENCE_HANDLER).path("JAVA_TOOL_OPTIONS").isMissingNode(),
                "inference keeps the runtime's C1-only JIT, which starts faster");
    }

    private static JsonNode variables(String handler) {
        return SynthesizedStack.get().templateJson.path("Resources").valueStream()
                .filter(r -> r.path("Type").asText().equals("AWS::Lambda::Function"))
                .filter(r -> r.path("Properties").path("Handler").asText().equals(handler))
                .map(r -> r.path("Properties").path("Environment").path("Variables"))
                .findFirst().orElseThrow();
    }

    @Test
    void eachFunctionHasItsOwnPackageWithOnlyTheSdkClientsItUses() throws IOException {
        var assets = SynthesizedStack.get().outdir.toFile().list((dir, name) -> name.startsWith("asset.") && name.endsWith(".jar"));
        assertEquals(2, assets.length, "one jar asset per function");

        Set<String> preprocess = classes(TaskFunctions.PREPROCESS_HANDLER);
        assertTrue(preprocess.contains("io/mlpipe/tasks/preprocess/PreprocessHandler.class"));
        assertTrue(preprocess.contains("software/amazon/awssdk/services/s3/S3Client.class"));
        assertFalse(preprocess.contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"));
        assertFalse(preprocess.contains("io/mlpipe/tasks/inference/InferenceHandler.class"));

        Set<String> inference = classes(TaskFunctions.INFERENCE_HANDLER);
        assertTrue(inference.contains("io/mlpipe/tasks/inference/InferenceHandler.class"));
        assertTrue(inference.contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"));
        assertTrue(inference.contains("software/amazon/awssdk/services/sagemakerruntime/SageMakerRuntimeClient.class"));
        assertFalse(inference.contains("io/mlpipe/tasks/preprocess/PreprocessHandler.class"));

        for (Set<String> jar : List.of(preprocess, inference)) {
            // one HTTP client: url-connection
            assertFalse(jar.contains("software/amazon/awssdk/http/apache/ApacheHttpClient.class"));
            assertFalse(jar.contains("org/apache/http/impl/client/HttpClients.class"));
            assertFalse(jar.contains("software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class"));
        }
    }

    /** The entries of the jar the function with {@code handler} deploys (the asset its S3Key names). */
    private static Set<String> classes(String handler) throws IOException {
        var resources = SynthesizedStack.get().templateJson.path("Resources");
        String s3Key = resources.valueStream()
                .filter(r -> r.path("Type").asText().equals("AWS::Lambda::Function"))
                .filter(r -> r.path("Properties").path("Handler").asText().equals(handler))
                .map(r -> r.path("Properties").path("Code").path("S3Key").asText())
                .findFirst().orElseThrow();
        Path jar = SynthesizedStack.get().outdir.resolve("asset." + s3Key);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }

    @Test
    void callersGetAPublishedVersionBehindTheLiveAlias() {
        template.resourceCountIs("AWS::Lambda::Version", 2);
        template.resourceCountIs("AWS::Lambda::Alias", 2);
        template.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of(
                "Name", TaskFunctions.ALIAS,
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Functions.*CurrentVersion.*"), "Version")))));
    }

    @Test
    void logGroupsHaveARetention() {
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
    }
}
