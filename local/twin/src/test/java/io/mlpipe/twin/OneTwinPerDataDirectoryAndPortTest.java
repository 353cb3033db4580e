package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A second twin on a busy data directory or port fails at once, saying why, and leaves the first one alone. */
class OneTwinPerDataDirectoryAndPortTest {

    @Test
    void busyDataDirectoryIsRefused() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "locked-");
        try (Twin first = Twin.builder().dataDirectory(data).port(0).build().start()) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> Twin.builder().dataDirectory(data).port(0).build().start());
            assertTrue(error.getMessage().contains("another twin is running on the data directory"), error.getMessage());
            assertTrue(first.health().values().stream().allMatch("running"::equals));
        }
        Twin.builder().dataDirectory(data).port(0).build().start().close(); // released on close
    }

    @Test
    void busyPortIsRefused() throws Exception {
        int port = SharedTwin.endpoint().getPort();
        BindException error = assertThrows(BindException.class, () -> Twin.builder()
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "port-")).port(port).build().start());
        assertTrue(error.getMessage().contains("port " + port), error.getMessage());
    }
}
