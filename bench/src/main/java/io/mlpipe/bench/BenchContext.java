package io.mlpipe.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a benchmark gets from the bench command.
 *
 * @param root     the repository (templates, jars, bench/asl)
 * @param scratch  an empty-or-reused folder of its own under bench/target/scratch, for generated data
 * @param quick    small sizes and short runs: checks that the benchmark works, its numbers mean nothing
 * @param progress where long work says what it is doing (stderr), so stdout stays the Markdown
 */
public record BenchContext(Path root, Path scratch, boolean quick, PrintStream progress) {

    public static BenchContext of(Path root, String benchmark, boolean quick, PrintStream progress) throws IOException {
        return new BenchContext(root, Files.createDirectories(root.resolve("bench/target/scratch").resolve(benchmark)),
                quick, progress);
    }

    public void say(String format, Object... arguments) {
        progress.printf("  " + format + "%n", arguments);
        progress.flush();
    }

    /** The reproduce line every section ends with. */
    public String reproduce(String benchmark) {
        return "Reproduce: `./mlpipe bench " + benchmark + "`" + (quick ? " (this output came from --quick: sizes too small to mean anything)" : "") + ".";
    }
}
