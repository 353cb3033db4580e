package io.mlpipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to completion within a time limit. Its output goes to files, not pipes, so waiting with the limit is
 * what blocks (a pipe read first would wait for the program however long it hangs); one that overruns is killed.
 */
public final class Command {
    private Command() {
    }

    /** The outcome; wallNanos runs from just before the process is started to its exit. */
    public record Result(int exitCode, String stdout, String stderr, long wallNanos) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException("exited " + exitCode + ":\n" + stderr + stdout);
            }
            return this;
        }
    }

    /**
     * Runs {@code command} in {@code directory} (null: this one) with {@code environment} added to this process's.
     * With {@code errorsToTerminal}, its stderr goes to this process's, so its progress shows live (and {@code
     * stderr} is empty).
     */
    public static Result run(List<String> command, Path directory, Map<String, String> environment,
                             boolean errorsToTerminal, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mlpipe-bench", ".out");
        Path err = Files.createTempFile("mlpipe-bench", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(errorsToTerminal ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.to(err.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s and was stopped");
            }
            long wall = System.nanoTime() - start;
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), wall);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
