package io.mlpipe.stepfunctions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** The state machines, by name; each kept in its own JSON file under {@code state-machines/}. */
final class StateMachines {
    private static final Logger LOG = Logger.getLogger(StateMachines.class.getName());

    private final Path directory;
    private final Map<String, StateMachine> byName = new ConcurrentHashMap<>();

    StateMachines(Path directory) {
        this.directory = directory;
        load();
    }

    private void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.toString().endsWith(".json")).forEach(file -> {
                try {
                    StateMachine machine = StateMachine.fromJson(Storage.read(file));
                    byName.put(machine.name(), machine);
                } catch (RuntimeException e) {
                    LOG.warning("state machine file " + file + " is unreadable, skipped: " + e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StateMachine get(String name) {
        return byName.get(name);
    }

    /** Saves (creates or replaces) a state machine. */
    void put(StateMachine machine) {
        Storage.write(file(machine.name()), machine.toJson());
        byName.put(machine.name(), machine);
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byName.remove(name);
    }

    /** Sorted by name, as a stable order for paging. */
    List<StateMachine> list() {
        List<StateMachine> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(StateMachine::name));
        return all;
    }

    private Path file(String name) {
        return directory.resolve(Storage.directoryName(name) + ".json");
    }
}
