package io.mlpipe.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. Run by the CDK CLI through the root cdk.json, and by {@code mvn package} (which writes
 * target/cdk.out/Mlpipe.template.json for the local twin). Environment-agnostic: no account, no
 * region, no lookups, so it synthesizes offline with no credentials.
 */
public final class MlpipeApp {

    public static final String STACK_NAME = "Mlpipe";

    private MlpipeApp() {
    }

    public static void main(String[] args) {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        App app = new App(AppProps.builder().context(appContext(root)).build());
        build(app, root);
        app.synth();
    }

    /** Adds the stack and the cdk-nag AwsSolutions checks to {@code app}. */
    public static MlpipeStack build(App app, Path root) {
        StackSettings settings = StackSettings.fromContext(app.getNode(), root);
        MlpipeStack stack = new MlpipeStack(app, STACK_NAME, StackProps.builder()
                .description("mlpipe: event-driven ML retraining pipeline (S3 -> Step Functions -> SageMaker -> API)")
                .build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    /**
     * The app's context: the "context" of the root cdk.json (feature flags) plus the settings the CDK
     * CLI passes by default (path and asset metadata on, version reporting off, as cdk.json says).
     * The CLI passes all of it itself; a JVM started otherwise (Maven, tests) must load it, or the
     * flags silently fall back to old defaults and the template differs from the CLI's. Context the
     * CLI passes still wins over these values.
     */
    public static Map<String, Object> appContext(Path root) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> cdkJson = new ObjectMapper().readValue(root.resolve("cdk.json").toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) cdkJson.getOrDefault("context", Map.of());
            Map<String, Object> appContext = new LinkedHashMap<>(context);
            appContext.putIfAbsent("aws:cdk:enable-path-metadata", true);
            appContext.putIfAbsent("aws:cdk:enable-asset-metadata", true);
            appContext.putIfAbsent("aws:cdk:version-reporting", false);
            return appContext;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve("cdk.json"), e);
        }
    }

    /** The nearest directory at or above {@code start} holding cdk.json. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no cdk.json at or above " + start + ": run from the repository");
    }
}
