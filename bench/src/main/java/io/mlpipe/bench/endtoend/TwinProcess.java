package io.mlpipe.bench.endtoend;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.connection.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The twin as a user runs it: {@code mlpipe up --port P --data-dir D} in its own JVM (the command the
 * {@code ./mlpipe} launcher runs, with this JVM's class path), so the pipeline does not share a heap or
 * cores' JIT work with the benchmark's client. Ready once {@code mlpipe info} would answer; its output goes to
 * a log file; closed as Ctrl-C closes it.
 */
final class TwinProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final long startupNanos;

    private TwinProcess(Process process, URI endpoint, Path log, long startupNanos) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.startupNanos = startupNanos;
    }

    /** Starts it on a free loopback port: a twin the user already runs on 4566 is left alone. */
    static TwinProcess up(Path root, Path template, Path dataDirectory, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        if (!Files.isRegularFile(template)) {
            throw new IllegalStateException("no synthesized template at " + template + ": build first (./mlpipe bench builds"
                    + " what is missing; from Maven: mvn -B -q -pl bench -am package -DskipTests)");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.mlpipe.cli.Main", "up", "--port", String.valueOf(port),
                "--data-dir", dataDirectory.toString(), "--template", template.toString());
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("AWS_XRAY_CONTEXT_MISSING"); // ./mlpipe bench sets it for its own clients only
        Process process = builder.start();
        // the benchmark stopped with Ctrl-C leaves no twin running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "mlpipe-bench-twin-stop"));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        TwinProcess twin = new TwinProcess(process, endpoint, log, 0);
        try {
            long deadline = start + START_TIMEOUT.toNanos();
            while (!twin.answers()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mlpipe up exited with " + process.exitValue() + " (is port " + port
                            + " taken?): " + twin.tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("mlpipe up did not answer within " + START_TIMEOUT.toSeconds() + " s: "
                            + twin.tail());
                }
                Thread.sleep(100);
            }
        } catch (RuntimeException | InterruptedException e) {
            twin.close();
            throw e;
        }
        return new TwinProcess(process, endpoint, log, System.nanoTime() - start);
    }

    /** True once the info route answers: every service is up and the template is loaded. */
    private boolean answers() {
        try {
            return Target.probeTwin(endpoint) != null;
        } catch (CliException stillStarting) {
            return false;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** From starting the process to the twin answering. */
    long startupNanos() {
        return startupNanos;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM, as Ctrl-C: the twin closes its stores
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
