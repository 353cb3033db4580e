package io.mlpipe.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a benchmark gets from the bench command.
 *
 * @param root      the repository (templates, jars, bench/asl)
 * @param benchmark the benchmark's name, as `./mlpipe bench NAME` selects it
 * @param scratch   an empty-or-reused folder of its own under bench/target/scratch, for generated data
 * @param quick     small sizes and short runs: checks that the benchmark works, its numbers mean nothing
 * @param progress  where long work says what it is doing (stderr), so stdout stays the Markdown
 */
public record BenchContext(Path root, String benchmark, Path scratch, boolean quick, PrintStream progress) {

    public static BenchContext of(Path root, String benchmark, boolean quick, PrintStream progress) throws IOException {
        return new BenchContext(root, benchmark,
                Files.createDirectories(root.resolve("bench/target/scratch").resolve(benchmark)), quick, progress);
    }

    /** Writes a file's bytes; {@link #generated} calls it once per file. */
    public interface Generator {
        void write(OutputStream out) throws IOException;
    }

    public void say(String format, Object... arguments) {
        progress.printf("  " + format + "%n", arguments);
        progress.flush();
    }

    /** The synthesized template the twin runs and the cost is computed from (the build writes it). */
    public Path template() {
        return root.resolve("workflow/target/cdk.out/Mlpipe.template.json");
    }

    /** An empty folder {@code name} in scratch: what an earlier run left there is deleted, so this run starts from nothing. */
    public Path freshFolder(String name) throws IOException {
        Path folder = scratch.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    /**
     * The file {@code name} in scratch, written by {@code generator} the first time and reused after (generators are
     * seeded: the same name means the same bytes); an interrupted write leaves no file behind to reuse.
     */
    public Path generated(String name, String what, Generator generator) throws IOException {
        Path file = scratch.resolve(name);
        if (!Files.isRegularFile(file)) {
            say("writing %s (%s) ...", name, what);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                generator.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The reproduce line every section ends with. */
    public String reproduce() {
        return "Reproduce: `./mlpipe bench " + benchmark + "`" + (quick ? " (this output came from --quick: sizes too small to mean anything)" : "") + ".";
    }
}
