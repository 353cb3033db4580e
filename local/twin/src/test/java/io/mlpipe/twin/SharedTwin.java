package io.mlpipe.twin;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** One twin per test JVM (start-up is paid once), on a free port, with a fresh data directory. */
public final class SharedTwin {
    private static Twin twin;
    private static Path data;

    private SharedTwin() {
    }

    public static synchronized Twin get() {
        if (twin == null) {
            try {
                data = Files.createTempDirectory(Path.of("target"), "twin-data-");
                twin = start(data);
                Runtime.getRuntime().addShutdownHook(new Thread(twin::close));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return twin;
    }

    public static Twin start(Path dataDirectory) throws Exception {
        return Twin.builder().dataDirectory(dataDirectory).port(0).waitScale(0.01)
                .template(Path.of("src/test/resources/templates/pipeline.template.json"))
                .build().start();
    }

    public static URI endpoint() {
        return get().endpoint();
    }
}
