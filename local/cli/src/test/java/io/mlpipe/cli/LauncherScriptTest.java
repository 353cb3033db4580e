package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.local.RepositoryRoot;
import io.mlpipe.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ./mlpipe itself, as people run it: a process from the repository root. */
class LauncherScriptTest {
    private static final Path ROOT = RepositoryRoot.find();

    /**
     * The launcher rebuilds the whole repository when any source is newer than its class path file (this
     * build writes it before the tests): a test must not start that build, so it runs only when fresh.
     */
    @BeforeAll
    static void launcherWillNotRebuild() throws Exception {
        Process find = new ProcessBuilder("bash", "-c", "find . -path ./node_modules -prune -o -path '*/target' -prune -o"
                + " \\( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \\) -newer local/cli/target/classpath.txt"
                + " -print -quit").directory(ROOT.toFile()).start();
        String newer = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        find.waitFor();
        assumeTrue(newer.isEmpty(), "sources changed since this build (" + newer + "): ./mlpipe would rebuild everything first");
    }

    private static final String REBUILD = "mlpipe test: the launcher wanted to rebuild";

    /**
     * Runs ./mlpipe with a stand-in {@code mvn} first on the PATH: should sources change while the tests run,
     * the launcher's rebuild stops at once (and the test is aborted) instead of building the repository.
     */
    private static Process start(String... args) throws IOException {
        return start(null, args);
    }

    /** @param stderr where the process's stderr goes (a file survives {@link Process#destroy()}, a pipe does not) */
    private static Process start(Path stderr, String... args) throws IOException {
        Path bin = Files.createDirectories(Path.of("target/no-rebuild").toAbsolutePath());
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho '" + REBUILD + " (sources changed during the tests)' >&2\nexit 97\n");
        mvn.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("mlpipe").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().remove("MLPIPE_ENDPOINT");
        builder.environment().put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
        if (stderr != null) {
            builder.redirectError(stderr.toFile());
        }
        return builder.start();
    }

    private static String read(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Aborts (not fails) the test when the launcher stopped because it wanted to rebuild. */
    private static String stderr(Process process) throws IOException {
        String err = read(process.getErrorStream());
        assumeTrue(!err.contains(REBUILD), err);
        return err;
    }

    @Test
    void infoJsonFromTheScriptDescribesTheTwin() throws Exception {
        Process info = start("info", "--json", "--endpoint", SharedTwin.endpoint().toString());
        String out = read(info.getInputStream());
        String err = stderr(info);
        assertTrue(info.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, info.exitValue(), err);
        JsonNode json = Json.MAPPER.readTree(out);
        assertEquals(SharedTwin.endpoint().toString(), json.path("endpoint").asText());
        assertTrue(json.path("tables").has("runs"), out);
    }

    @Test
    void theScriptExitsOneAndSaysWhatToDoWhenTheTwinIsDown() throws Exception {
        Process watch = start("watch", "--endpoint", "http://127.0.0.1:1");
        String out = read(watch.getInputStream());
        String err = stderr(watch);
        assertTrue(watch.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, watch.exitValue(), out + err);
        assertTrue(err.contains("mlpipe: the twin is not running at http://127.0.0.1:1: start it with ./mlpipe up"), err);
    }

    @Test
    void demoStartsItsOwnTwinTellsTheStoryAndStopsIt() throws Exception {
        Path data = TempDirs.create("demo-");
        Process demo = start("demo", "--port", "0", "--data-dir", data.toString(), "--rows", "1000");
        String out = read(demo.getInputStream());
        String err = stderr(demo);
        assertTrue(demo.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, demo.exitValue(), out + err);
        assertTrue(out.startsWith("mlpipe demo — starting the local twin (data in " + data + ")"), out);
        assertTrue(Pattern.compile("✓ template +\\d+ ms").matcher(out).find(), out);
        assertTrue(out.contains("→ DEPLOYED version 000001") && out.contains("→ REJECTED version 000002"), out);
        assertTrue(out.contains("(run ./mlpipe up to browse it: same data)"), out);
        assertTrue(out.contains("demo done in"), out);
        assertTrue(Files.isDirectory(data.resolve("stepfunctions")), "the story stays in the data directory");
    }

    @Test
    void upShowsEachServiceThenTheEndpointsAndStopsCleanlyOnSigterm() throws Exception {
        Path data = TempDirs.create("up-");
        Path stderr = data.resolve("up.stderr");
        Process up = start(stderr, "up", "--port", "0", "--data-dir", data.toString());
        StringBuilder seen = new StringBuilder();
        URI edge = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                Matcher at = Pattern.compile("^  edge +(http://127\\.0\\.0\\.1:\\d+)$").matcher(line);
                if (at.find()) {
                    edge = URI.create(at.group(1));
                }
                if (line.startsWith("Ctrl-C stops the twin")) {
                    break;
                }
            }
            String out = seen.toString();
            if (!out.contains("Ctrl-C stops the twin")) {
                up.waitFor(60, TimeUnit.SECONDS);
                String err = Files.readString(stderr);
                assumeTrue(!err.contains(REBUILD), err);
                throw new AssertionError("up ended before the twin was ready:\n" + out + err);
            }
            for (String service : new String[] {"edge", "s3", "dynamodb", "stepfunctions", "sagemaker", "template"}) {
                assertTrue(Pattern.compile("✓ " + service + " +\\d+ ms").matcher(out).find(), service + " in\n" + out);
            }
            assertTrue(out.contains("mlpipe twin ready in"), out);
            assertTrue(Pattern.compile("aws --endpoint-url http://127\\.0\\.0\\.1:\\d+ s3 cp data\\.csv s3://mlpipe-\\S+/incoming/<model>/")
                    .matcher(out).find(), out);
            assertTrue(edge != null, out);

            Cli.Result info = Cli.on(edge, "info", "--json");
            assertEquals(0, info.status(), info::toString);
            assertEquals(data.toString(), Json.MAPPER.readTree(info.out()).path("dataDirectory").asText());
        } finally {
            up.destroy();
            assertTrue(up.waitFor(60, TimeUnit.SECONDS), "the twin stops on SIGTERM");
        }
        String err = Files.readString(stderr);
        assertTrue(err.contains("mlpipe twin stopped (state kept in " + data + ")"), err);
        assertTrue(Cli.on(edge, "info").err().contains("the twin is not running"), "the port is free again");
    }
}
