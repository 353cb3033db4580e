package io.mlpipe.twin.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * DynamoDB Local stores tables with sqlite4java, whose native library Maven delivers as a bare
 * {@code .so} artifact and leaves off the class path. The build copies it into this module's resources
 * ({@code native/libsqlite4java-linux-amd64.so}); at start-up it is extracted next to the tables and
 * {@code sqlite4java.library.path} points there (unless the caller set that property already).
 */
final class SqliteNative {
    private static final String LIBRARY = "libsqlite4java-linux-amd64.so";

    private SqliteNative() {
    }

    static synchronized void configure(Path dataDirectory) throws IOException {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        Path directory = Files.createDirectories(dataDirectory.resolve("native"));
        Path target = directory.resolve(LIBRARY);
        try (InputStream library = SqliteNative.class.getResourceAsStream("native/" + LIBRARY)) {
            if (library == null) {
                throw new IllegalStateException("DynamoDB Local's native library " + LIBRARY
                        + " is missing from the twin's resources (built by maven-dependency-plugin);"
                        + " or set -Dsqlite4java.library.path");
            }
            Path temp = directory.resolve(LIBRARY + ".tmp");
            Files.copy(library, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.setProperty("sqlite4java.library.path", directory.toAbsolutePath().toString());
    }
}
