package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void codeIsTheTasksModulesShadedJarAsset() {
        var assets = SynthesizedStack.get().outdir.toFile().list((dir, name) -> name.startsWith("asset.") && name.endsWith(".jar"));
        assertEquals(1, assets.length, "one jar asset");
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
