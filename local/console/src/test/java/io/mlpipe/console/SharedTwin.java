package io.mlpipe.console;

import io.mlpipe.stepfunctions.StepFunctionsPlugin;
import io.mlpipe.twin.Twin;
import io.mlpipe.twin.sagemaker.SageMakerPlugin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One twin per test JVM, as {@code ./mlpipe up} assembles it: the workflow's real synthesized template,
 * Step Functions, local SageMaker and the console, on a free port with a fresh data directory.
 */
final class SharedTwin {
    static final Path TEMPLATE = Path.of("../../workflow/target/cdk.out/Mlpipe.template.json");
    private static Twin twin;

    private SharedTwin() {
    }

    static synchronized Twin get() {
        if (twin == null) {
            if (!Files.exists(TEMPLATE)) {
                throw new IllegalStateException(TEMPLATE + " is missing: build the workflow module first (mvn -pl workflow package)");
            }
            try {
                Path data = Files.createTempDirectory(Path.of("target"), "twin-data-");
                twin = Twin.builder().dataDirectory(data).port(0)
                        .waitScale(0.001).template(TEMPLATE)
                        .plugin(new StepFunctionsPlugin()).plugin(new SageMakerPlugin()).plugin(new ConsolePlugin())
                        .build().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    twin.close();
                    deleteQuietly(data); // each test JVM's tables, objects and executions; nothing reads them later
                }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return twin;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // left behind under target/: harmless
        }
    }

    static URI endpoint() {
        return get().endpoint();
    }

    static URI console() {
        return URI.create(get().info().consoleUrl());
    }
}
