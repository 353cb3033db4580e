package io.mlpipe.bench;

import io.mlpipe.bench.asl.AslEngineBench;
import io.mlpipe.bench.coldstart.ColdStartBench;
import io.mlpipe.bench.cost.CostBench;
import io.mlpipe.bench.endtoend.EndToEndBench;
import io.mlpipe.bench.inference.InferenceBench;
import io.mlpipe.bench.preprocess.PreprocessBench;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `./mlpipe bench [--quick] [--list] [NAME...]`: runs the named benchmarks (every one when none is named), one
 * after another in this JVM's order, prints each one's Markdown section on stdout and writes it to
 * bench/target/results/NAME.md; progress goes to stderr.
 */
public final class Main {
    static final List<Benchmark> ALL = List.of(new PreprocessBench(), new InferenceBench(), new ColdStartBench(),
            new EndToEndBench(), new AslEngineBench(), new CostBench());

    private static final String XRAY_CONTEXT_MISSING = "com.amazonaws.xray.strategy.contextMissingStrategy";

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        boolean quick = false;
        List<Benchmark> selected = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> quick = true;
                case "--list", "--help", "-h" -> {
                    usage();
                    return 0;
                }
                default -> {
                    Benchmark benchmark = ALL.stream().filter(b -> b.name().equals(arg)).findFirst().orElse(null);
                    if (benchmark == null) {
                        System.err.println("mlpipe bench: no benchmark named '" + arg + "'.");
                        usage();
                        return 2;
                    }
                    selected.add(benchmark);
                }
            }
        }
        if (selected.isEmpty()) {
            selected = ALL;
        }
        // The tasks' X-Ray interceptor (on this class path) wraps every SDK client here: outside Lambda its default
        // would log an error per call, onto stdout, the Markdown's stream.
        System.setProperty(XRAY_CONTEXT_MISSING, System.getProperty(XRAY_CONTEXT_MISSING, "IGNORE_ERROR"));
        // stdout is the Markdown; whatever else writes there (the in-process twin's Lambdas log JSON to stdout, as on
        // AWS) goes to stderr with the progress
        PrintStream markdown = System.out;
        System.setOut(System.err);
        try {
            return run(markdown, quick, selected, String.join(" ", args));
        } finally {
            System.setOut(markdown);
        }
    }

    private static int run(PrintStream markdown, boolean quick, List<Benchmark> selected, String args) throws IOException {
        Path root = Path.of(System.getProperty("mlpipe.root", ".")).toAbsolutePath().normalize();
        Path results = Files.createDirectories(root.resolve("bench/target/results"));
        markdown.println("<!-- ./mlpipe bench " + args + " at " + Instant.now() + " -->");
        markdown.println("Machine: " + Machine.describe() + ".\n");
        int failed = 0;
        for (Benchmark benchmark : selected) {
            String loadBefore = Machine.loadAverage();
            System.err.printf("mlpipe bench: %s: %s (load average %s)%n", benchmark.name(), benchmark.summary(), loadBefore);
            long start = System.nanoTime();
            try {
                String section = benchmark.run(BenchContext.of(root, benchmark.name(), quick, System.err)).stripTrailing()
                        // on a shared 2-core machine, how quiet it was says how far to trust the figures
                        + "\n\n_1-minute load average: " + loadBefore + " when this started, " + Machine.loadAverage()
                        + " when it ended._\n";
                Files.writeString(results.resolve(benchmark.name() + ".md"), section);
                markdown.println(section);
                markdown.flush();
            } catch (Exception | Error e) {
                failed++;
                System.err.println("mlpipe bench: " + benchmark.name() + " failed: " + e);
                e.printStackTrace();
            }
            System.err.printf("mlpipe bench: %s done in %s%n", benchmark.name(), Format.nanos(System.nanoTime() - start));
        }
        return failed == 0 ? 0 : 1;
    }

    private static void usage() {
        System.err.println("Usage: ./mlpipe bench [--quick] [NAME...]   (no NAME: all, in this order)");
        ALL.forEach(b -> System.err.printf("  %-12s %s%n", b.name(), b.summary()));
    }
}
