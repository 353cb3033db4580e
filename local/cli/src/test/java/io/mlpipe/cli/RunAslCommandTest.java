package io.mlpipe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `mlpipe run-asl` through the real `mlpipe` command line (Main and its subcommands). */
class RunAslCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    Run mlpipe(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static final String LOOP = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.count","NumericLessThan":3,"Next":"Inc"}],"Default":"Done"},
          "Inc":{"Type":"Pass","Parameters":{"count.$":"States.MathAdd($.count, 1)"},"Next":"Check"},
          "Done":{"Type":"Succeed"}}}""";

    @Test
    void printsTheOutputJson() throws IOException {
        Run r = mlpipe("run-asl", file("loop.json", LOOP).toString(), "--input", "{\"count\":0}");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"count\":3}", r.out().trim());
    }

    @Test
    void readsTheInputFromAFile() throws IOException {
        Path input = file("in.json", "{\"count\":1}");
        Run r = mlpipe("run-asl", file("loop.json", LOOP).toString(), "--input", "@" + input);
        assertEquals("{\"count\":3}", r.out().trim());
    }

    @Test
    void failurePrintsErrorAndCauseAndExitsNonZero() throws IOException {
        Path def = file("fail.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"DataValidationError\",\"Cause\":\"row 3: bad\"}}}");
        Run r = mlpipe("run-asl", def.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("DataValidationError: row 3: bad", r.err().trim());
    }

    @Test
    void invalidDefinitionPrintsTheDiagnostics() throws IOException {
        Path def = file("bad.json", "{\"StartAt\":\"Bar\",\"States\":{\"Bar\":{\"Type\":\"Pass\",\"Next\":\"Foo\"}}}");
        Run r = mlpipe("run-asl", def.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Foo at /States/Bar/Next"), r.err());
    }

    @Test
    void historyListsTheEvents() throws IOException {
        Run r = mlpipe("run-asl", file("loop.json", LOOP).toString(), "--input", "{\"count\":2}", "--history");
        assertEquals(0, r.status());
        assertTrue(r.err().contains("\"ExecutionStarted\"") && r.err().contains("\"ChoiceStateEntered\"") && r.err().contains("\"ExecutionSucceeded\""), r.err());
    }

    @Test
    void waitScaleZeroSkipsWaits() throws IOException {
        Path def = file("wait.json", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}");
        Run r = mlpipe("run-asl", def.toString(), "--input", "[1]", "--wait-scale", "0");
        assertEquals(0, r.status());
        assertEquals("[1]", r.out().trim());
    }

    @Test
    void badInputJsonIsAUsageError() throws IOException {
        Run r = mlpipe("run-asl", file("loop.json", LOOP).toString(), "--input", "{nope");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Invalid JSON"), r.err());
    }
}
