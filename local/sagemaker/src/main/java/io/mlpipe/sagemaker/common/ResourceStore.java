package io.mlpipe.sagemaker.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The resources of one kind (training jobs, models, ...), each kept as its Describe response in one JSON
 * file, so a restart loses nothing. Reads and writes go through one lock; callers get copies.
 */
public final class ResourceStore {
    private final Path dir;
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();

    public ResourceStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    String name = URLDecoder.decode(file.getFileName().toString().replaceFirst("\\.json$", ""),
                            StandardCharsets.UTF_8);
                    items.put(name, (ObjectNode) Json.MAPPER.readTree(file.toFile()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resources in " + dir, e);
        }
    }

    public synchronized Optional<ObjectNode> get(String name) {
        ObjectNode item = items.get(name);
        return item == null ? Optional.empty() : Optional.of(item.deepCopy());
    }

    /** Stores a new resource; false if one with that name exists already. */
    public synchronized boolean create(String name, ObjectNode item) {
        if (items.containsKey(name)) {
            return false;
        }
        write(name, item);
        return true;
    }

    /** Applies {@code change} to a copy of the resource and stores the result; empty if there is no such resource. */
    public synchronized Optional<ObjectNode> update(String name, UnaryOperator<ObjectNode> change) {
        ObjectNode item = items.get(name);
        if (item == null) {
            return Optional.empty();
        }
        ObjectNode changed = change.apply(item.deepCopy());
        write(name, changed);
        return Optional.of(changed.deepCopy());
    }

    public synchronized boolean delete(String name) {
        if (items.remove(name) == null) {
            return false;
        }
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Copies of every resource; list operations sort them as the API asks. */
    public synchronized List<ObjectNode> all() {
        List<ObjectNode> copies = new ArrayList<>();
        items.values().forEach(item -> copies.add(item.deepCopy()));
        return copies;
    }

    private void write(String name, ObjectNode item) {
        try {
            Path tmp = dir.resolve(".tmp-" + Thread.currentThread().getId());
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), item);
            // atomic so that a crash mid-write never leaves half a resource behind
            Files.move(tmp, file(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name + " in " + dir, e);
        }
        items.put(name, item.deepCopy());
    }

    private Path file(String name) {
        return dir.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
    }
}
