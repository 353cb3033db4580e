package io.mlpipe.bench.preprocess;

import io.mlpipe.tasks.io.ObjectNotFoundException;
import io.mlpipe.tasks.io.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@link ObjectStore} for the benchmark: objects are read from files under one folder (any bucket, key = path
 * below it) and written objects are discarded, so the time measured is the preprocess core's, not the
 * disk's. Files are read with {@link Files#newInputStream}, a plain unbuffered stream as S3's is.
 */
final class ScratchObjectStore implements ObjectStore {
    private final Path folder;

    ScratchObjectStore(Path folder) {
        this.folder = folder;
    }

    @Override
    public InputStream open(String bucket, String key, String versionId) throws ObjectNotFoundException, IOException {
        Path file = folder.resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new ObjectNotFoundException(bucket, key);
        }
        return Files.newInputStream(file);
    }

    @Override
    public Optional<byte[]> readIfExists(String bucket, String key) throws IOException {
        Path file = folder.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public OutputStream create(String bucket, String key) {
        return OutputStream.nullOutputStream();
    }
}
