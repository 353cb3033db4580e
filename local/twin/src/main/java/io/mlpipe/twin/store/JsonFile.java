package io.mlpipe.twin.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One JSON document on disk, replaced atomically on every write (write a sibling, then move it over),
 * so a crash never leaves half a file. The local services keep their small state this way.
 */
public final class JsonFile {
    private final Path path;

    public JsonFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Optional<JsonNode> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public synchronized void write(Object value) {
        try {
            Files.createDirectories(path.getParent());
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), value);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
