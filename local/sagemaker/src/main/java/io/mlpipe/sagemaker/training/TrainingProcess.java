package io.mlpipe.sagemaker.training;

import io.mlpipe.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs {@link TrainerMain} in a child JVM, its output appended to the job's log, until it exits, the job is
 * stopped, or its time runs out. A crash of the child (XGBoost's native code) fails the job, not the twin.
 */
public final class TrainingProcess {
    /** How a run ended. */
    public enum Outcome { EXITED, STOPPED, TIMED_OUT }

    public record Ending(Outcome outcome, int exitCode) {
    }

    private final String classpath;
    private final String javaCommand;

    /** @param classpath the classpath of the child: it needs this module and XGBoost4J (the twin's own works) */
    public TrainingProcess(String classpath) {
        this.classpath = classpath;
        this.javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Ending run(TrainingSpec spec, Path specFile, File log, Duration maxRuntime, BooleanSupplier stopRequested)
            throws IOException, InterruptedException {
        Json.MAPPER.writeValue(specFile.toFile(), spec);
        Process process = new ProcessBuilder(List.of(javaCommand,
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // starts fast; the work is native anyway
                "-cp", classpath, TrainerMain.class.getName(), specFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        // a monotonic clock: this bounds real running time, it never becomes a timestamp
        long deadline = System.nanoTime() + maxRuntime.toNanos();
        try {
            while (true) {
                if (process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return new Ending(Outcome.EXITED, process.exitValue());
                }
                if (stopRequested.getAsBoolean()) {
                    kill(process);
                    return new Ending(Outcome.STOPPED, -1);
                }
                if (System.nanoTime() - deadline > 0) {
                    kill(process);
                    return new Ending(Outcome.TIMED_OUT, -1);
                }
            }
        } finally {
            if (process.isAlive()) {
                kill(process); // interrupted (the twin is closing): leave no orphan behind
            }
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
