package io.mlpipe.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.local.RepositoryRoot;
import io.mlpipe.cli.local.TwinOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One twin per test JVM, assembled exactly as the commands assemble it (LocalTwin), running the real
 * synthesized template on a free port with a fresh data directory.
 */
final class SharedTwin {
    private static LocalTwin twin;

    private SharedTwin() {
    }

    static synchronized LocalTwin get() {
        assumeTrue(Files.isRegularFile(RepositoryRoot.template()),
                "no synthesized template at " + RepositoryRoot.template() + ": build the workflow module first (mvn package)");
        if (twin == null) {
            try {
                TwinOptions options = new TwinOptions();
                options.port = 0;
                options.dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "twin-");
                twin = LocalTwin.start(options, new PrintWriter(new StringWriter()));
                Path data = options.dataDirectory;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    twin.close();
                    TempDirs.delete(data);
                }));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return twin;
    }

    static URI endpoint() {
        return get().endpoint();
    }
}
