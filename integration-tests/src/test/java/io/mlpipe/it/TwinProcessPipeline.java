package io.mlpipe.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local twin as a user runs it: {@code mlpipe up --port P --data-dir D} in a child process (the Java
 * command the {@code ./mlpipe} launcher runs, without its rebuild-if-stale step), ready when
 * {@code GET /_mlpipe/health} answers 200, its names from {@code mlpipe info --json}. {@link #restart()}
 * stops the process as Ctrl-C does and starts it again on the same data directory and port; its output goes
 * to {@code <data>.log}.
 */
final class TwinProcessPipeline implements LocalTwinTarget {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CLI_CLASSES = ROOT.resolve("local/cli/target/classes");
    private static final Path CLI_CLASSPATH = ROOT.resolve("local/cli/target/classpath.txt");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path data;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private JsonNode info;

    private TwinProcessPipeline(Path data, int port) {
        this.data = data;
        this.log = data.resolveSibling(data.getFileName() + ".log");
        this.port = port;
    }

    /** Why the process fixture cannot run here (the CLI is not built), or null. */
    static String unavailableBecause() {
        return Files.isRegularFile(CLI_CLASSPATH) && Files.isDirectory(CLI_CLASSES) ? null
                : "the mlpipe CLI is not built (" + CLI_CLASSPATH + "): mvn -B -q -pl integration-tests -am install -DskipTests";
    }

    static TwinProcessPipeline start() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "it-twin").toAbsolutePath()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TwinProcessPipeline pipeline = new TwinProcessPipeline(data, port);
        try {
            pipeline.up();
        } catch (Exception | Error e) {
            pipeline.close(); // no twin left running when the fixture fails
            throw e;
        }
        return pipeline;
    }

    private List<String> mlpipe(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", CLI_CLASSES + File.pathSeparator + Files.readString(CLI_CLASSPATH).trim(), "io.mlpipe.cli.Main"));
        command.addAll(List.of(arguments));
        return command;
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        // the tasks' X-Ray instrumentor wraps every SDK client of the twin's Lambdas
        builder.environment().put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
        builder.environment().put("AWS_EMF_ENVIRONMENT", "Local");
        return builder;
    }

    private void up() throws Exception {
        process = builder(mlpipe("up", "--port", String.valueOf(port), "--data-dir", data.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI health = URI.create("http://127.0.0.1:" + port + "/_mlpipe/health");
        while (!healthy(health)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mlpipe up exited with " + process.exitValue() + ": " + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mlpipe up not healthy after " + START_TIMEOUT.toSeconds() + " s: " + tail());
            }
            Thread.sleep(200);
        }
        // health can answer 200 before the template is loaded and the info route mounted: retry info until then
        while (true) {
            Process infoProcess = builder(mlpipe("info", "--json", "--endpoint", "http://127.0.0.1:" + port)).start();
            String json = new String(infoProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(infoProcess.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (infoProcess.waitFor() == 0) {
                info = PipelineUser.tree(json.lines().filter(line -> line.startsWith("{")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("mlpipe info --json printed no JSON object: " + json + errors)));
                return;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("mlpipe info --json failed: " + json + errors + "\n" + tail());
            }
            Thread.sleep(500);
        }
    }

    private boolean healthy(URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private String info(String field) {
        String value = info.path(field).asText(null);
        if (value == null) {
            throw new IllegalStateException("mlpipe info --json has no " + field + ": " + info);
        }
        return value;
    }

    @Override
    public URI endpoint() {
        return URI.create(info("endpoint"));
    }

    @Override
    public String bucket() {
        return info("bucket");
    }

    @Override
    public String stateMachineArn() {
        return info("stateMachineArn");
    }

    @Override
    public URI apiUrl() {
        String url = info("apiUrl");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String runsTable() {
        return info.path("tables").path("runs").asText();
    }

    @Override
    public String modelsTable() {
        return info.path("tables").path("models").asText();
    }


    /** Ctrl-C (SIGTERM: the twin closes every service), then {@code mlpipe up} again on the same data and port. */
    @Override
    public synchronized void restart() throws Exception {
        stop();
        upOrStop();
    }

    private void upOrStop() throws Exception {
        try {
            up();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @Override
    public synchronized void crashAndRestart() throws Exception {
        process.destroyForcibly().waitFor();
        upOrStop();
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "the local twin at http://127.0.0.1:" + port + " (mlpipe up, data in " + data + ", log " + log + ")";
    }
}
