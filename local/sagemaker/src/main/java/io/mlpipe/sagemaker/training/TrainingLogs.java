package io.mlpipe.sagemaker.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** One log file per training job: the twin's progress lines and everything the training process printed. */
public final class TrainingLogs {
    private final Path dir;

    public TrainingLogs(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String jobName) {
        return dir.resolve(jobName + ".log");
    }

    public synchronized void append(String jobName, String line) {
        try {
            Files.writeString(file(jobName), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> read(String jobName) {
        if (!jobName.matches(io.mlpipe.sagemaker.common.RequestRules.NAME_PATTERN)) {
            return Optional.empty(); // not a job name: never a path outside the logs folder
        }
        try {
            Path f = file(jobName);
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
