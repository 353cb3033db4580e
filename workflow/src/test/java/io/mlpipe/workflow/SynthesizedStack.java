package io.mlpipe.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack, synthesized once per test JVM (synth takes seconds) with cdk.json's context, as the
 * CDK CLI would. Tests only read it.
 */
final class SynthesizedStack {

    static final Path ROOT = MlpipeApp.repositoryRoot(Path.of("").toAbsolutePath());
    static final ObjectMapper JSON = new ObjectMapper();

    private static SynthesizedStack instance;

    final Path outdir;
    final MlpipeStack stack;
    final Template template;
    /** The template as written to the cloud assembly, byte for byte. */
    final String templateText;
    final JsonNode templateJson;

    private SynthesizedStack() {
        try {
            outdir = Files.createTempDirectory("mlpipe-cdk-out");
            // the assembly holds a copy of the 20+ MB Lambda jar: do not leave it in /tmp
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(outdir)));
            App app = new App(AppProps.builder().context(MlpipeApp.appContext(ROOT)).outdir(outdir.toString()).build());
            stack = MlpipeApp.build(app, ROOT);
            app.synth();
            templateText = Files.readString(outdir.resolve(MlpipeApp.STACK_NAME + ".template.json"));
            templateJson = JSON.readTree(templateText);
            template = Template.fromJSON(JSON.convertValue(templateJson,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }
}
