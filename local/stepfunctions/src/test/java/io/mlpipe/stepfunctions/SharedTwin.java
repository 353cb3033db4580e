package io.mlpipe.stepfunctions;

import io.mlpipe.twin.Twin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One twin with the Step Functions service (and the local SageMaker its tasks call) per test JVM, on a
 * free port, with a fresh data directory.
 */
final class SharedTwin {
    static final Path TEMPLATE = Path.of("src/test/resources/templates/stepfunctions.template.json");
    private static Twin twin;

    private SharedTwin() {
    }

    static synchronized Twin get() {
        if (twin == null) {
            try {
                twin = start(Files.createTempDirectory(Path.of("target"), "twin-data-"), 0.01);
                Runtime.getRuntime().addShutdownHook(new Thread(twin::close));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return twin;
    }

    /** A twin of its own (restart tests): the test template, the local SageMaker, this service, the given wait scale. */
    static Twin start(Path data, double waitScale) throws Exception {
        return Twin.builder().dataDirectory(data).port(0).waitScale(waitScale).template(TEMPLATE)
                .plugin(new io.mlpipe.twin.sagemaker.SageMakerPlugin()).plugin(new StepFunctionsPlugin()).build().start();
    }

    static URI endpoint() {
        return get().endpoint();
    }
}
