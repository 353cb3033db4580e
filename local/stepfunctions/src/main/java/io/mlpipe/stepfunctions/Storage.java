package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small file helpers: whole JSON files replaced atomically, names safe as directory names. */
final class Storage {
    private Storage() {
    }

    /** Writes to a temporary file, then renames it: a crash leaves the old file or the new, never half of one. */
    static void write(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(content));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory name for a resource name ("." and ".." are valid names: encode the dots too). */
    static String directoryName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E");
    }
}
