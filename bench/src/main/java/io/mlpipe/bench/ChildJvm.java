package io.mlpipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a fresh JVM: for what only a new process shows (cold start, a heap cap), with this
 * JVM's java and, unless told otherwise, its class path.
 */
public final class ChildJvm {
    private final String mainClass;
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private long timeoutSeconds = 600;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    public static ChildJvm of(Class<?> mainClass) {
        return new ChildJvm(mainClass.getName());
    }

    public static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    public ChildJvm classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    public ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public ChildJvm arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /** Variables added to (or replacing) this process's environment in the child's. */
    public ChildJvm environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public ChildJvm timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The outcome; wallNanos runs from just before the process is started to its exit. */
    public record Result(int exitCode, String stdout, String stderr, long wallNanos) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException("child JVM exited " + exitCode + ":\n" + stderr + stdout);
            }
            return this;
        }
    }

    public Result run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        Path out = Files.createTempFile("mlpipe-bench", ".out");
        Path err = Files.createTempFile("mlpipe-bench", ".err");
        try {
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(mainClass + " did not finish within " + timeoutSeconds + " s");
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
