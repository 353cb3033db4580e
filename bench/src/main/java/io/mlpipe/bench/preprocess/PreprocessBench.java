package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.ChildJvm;
import io.mlpipe.bench.Command;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Samples;
import io.mlpipe.bench.Table;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preprocess Lambda's core ({@code Preprocessor}: profile pass, then encode + split + write pass over its spill)
 * in MB/s of input CSV on one thread, against reading the same bytes through the same stream (the limit) and against
 * its own fallback that reads the CSV twice; then a 1 GiB file in a JVM whose heap is capped at 256 MiB, for
 * constant memory.
 */
public final class PreprocessBench implements Benchmark {
    private static final long MB = 1_000_000;
    private static final Pattern CHILD_OUTPUT = Pattern.compile("rows=(\\d+) nanos=(\\d+) peakHeapBytes=(\\d+)");
    private static final Pattern CASE = Pattern.compile("case=(\\d+) wall=([\\d,]+) cpu=([\\d,]+)");
    private static final Pattern ROWS = Pattern.compile("(?m)^rows=(\\d+)$");

    @Override
    public String name() {
        return "preprocess";
    }

    @Override
    public String summary() {
        return "preprocess core vs a plain read of the same CSV, MB/s per core; 1 GiB under -Xmx256m";
    }

    @Override
    public String run(BenchContext context) throws Exception {
        long throughputBytes = context.quick() ? 4 * MB : 256 * MB;
        long memoryBytes = context.quick() ? 16 * MB : 1L << 30;
        int warmups = context.quick() ? 1 : 2;
        int rounds = context.quick() ? 3 : 5;

        List<Shape> shapes = List.of(
                new Shape("churn", CsvFiles.churn(context, throughputBytes)),
                new Shape("wide numeric", CsvFiles.wideNumeric(context, throughputBytes)));
        Table throughput = new Table("data", "case (one thread)", "median time", "MB/s of input CSV",
                "MB/s per CPU second", "speed vs plain read");
        StringBuilder described = new StringBuilder();
        for (Shape shape : shapes) {
            String key = shape.key();
            long size = Files.size(context.scratch().resolve(key));
            context.say("%s: %d warm-up and %d measured rounds of every case, in a JVM of their own ...", shape.name(),
                    warmups, rounds);
            double[] plain = new double[1]; // the plain read's median, the first case of the first run
            String rows = rounds(context, shape, key, size, warmups, rounds, false, List.of(), "", plain, throughput);
            context.say("%s: the core again with Lambda's default JIT (C1 only), in a JVM of its own ...", shape.name());
            rounds(context, shape, key, size, 1, Math.min(rounds, 3), true, List.of(ChildJvm.LAMBDA_DEFAULT_JIT),
                    ", with Lambda's default JIT for java21, C1 only (the stack sets C2 for this function)", plain, throughput);
            described.append(described.isEmpty() ? "" : "; ").append("**").append(shape.name()).append("**, ")
                    .append(Format.bytes(size)).append(", ").append(Format.number(Long.parseLong(rows))).append(" rows");
        }

        context.say("memory: preprocessing %s in a JVM with -Xmx256m ...", Format.bytes(memoryBytes));
        String bigKey = CsvFiles.churn(context, memoryBytes);
        long bigSize = Files.size(context.scratch().resolve(bigKey));
        Command.Result child = ChildJvm.of(PreprocessRun.class).jvmOptions("-Xmx256m")
                .arguments(context.scratch().toString(), bigKey).timeoutSeconds(1800).run();
        Matcher m = CHILD_OUTPUT.matcher(child.stdout());
        Table memory = new Table("file", "heap cap", "result", "wall time (JVM start to exit)", "MB/s", "peak heap used");
        if (child.exitCode() == 0 && m.find()) {
            memory.row(Format.bytes(bigSize) + ", " + Format.number(Long.parseLong(m.group(1))) + " rows", "256 MiB",
                    "preprocessed", Format.nanos(child.wallNanos()),
                    Format.megabytesPerSecond(bigSize, Long.parseLong(m.group(2))), Format.bytes(Long.parseLong(m.group(3))));
        } else {
            context.say("the child JVM failed (exit %d):%n%s%s", child.exitCode(), child.stderr(), child.stdout());
            memory.row(Format.bytes(bigSize), "256 MiB", "failed (exit " + child.exitCode() + ")",
                    Format.nanos(child.wallNanos()), "-", "-");
        }

        return """
                ## Preprocess core

                The preprocess Lambda's core (`Preprocessor`: a profiling pass over the CSV that also keeps the rows it
                uses in a compact spill in /tmp, then an encode + split + write pass over the spill) on two seeded CSVs,
                on one thread, in MB/s of input CSV, against the limit: reading the same bytes through the same
                `ObjectStore` stream (a local file; the training CSVs it writes are discarded). Beside it, the same
                core with its fallback for a spill that does not fit /tmp: the second pass reads and parses the CSV
                again.
                MB/s depends on how long the fields are, so there are two shapes: **churn** (`SampleData.writeChurn`:
                4 numeric and 3 categorical columns, ~1%% missing values, a yes/no target; ~5 bytes a field) and **wide
                numeric** (20 decimal features with six decimals, a 0/1 target; ~9 bytes a field). Here: %s.
                Each shape runs in a JVM of its own, as JMH forks one per benchmark: after the other shape, the JIT's
                profiles are tuned for that one. Warm-up %d, then the median of %d interleaved rounds. MB/s per CPU second
                divides by the measuring thread's CPU time (user + system), which a busy machine inflates less than
                the wall time. The CSV reader alone is the part of the core that only finds records and fields. The
                last row of each shape is the core with Lambda's default JIT for java21 (C1 only,
                `-XX:TieredStopAtLevel=1`; warm-up 1, 3 rounds): why the stack sets the full tiered JIT in the preprocess
                function's `JAVA_TOOL_OPTIONS`.

                %s
                Constant memory: the same core on a %s churn file in a fresh JVM with the heap capped at 256 MiB. Peak heap
                used is the sum of the heap pools' peaks (an upper bound; garbage included).

                %s
                %s
                """.formatted(described, warmups, rounds, throughput, Format.bytes(bigSize), memory, context.reproduce());
    }

    private record Shape(String name, String key) {
    }

    /**
     * Runs {@link ShapeRounds} on {@code key} (every case, or with {@code coreOnly} the core's alone) in a JVM of its own
     * with {@code jvmOptions} and adds a row per case to {@code table}, its label followed by {@code labelSuffix}, its
     * speed against {@code plain[0]} (set from the plain read's case when it runs); returns the row count it printed.
     */
    private static String rounds(BenchContext context, Shape shape, String key, long size, int warmups, int rounds,
                                 boolean coreOnly, List<String> jvmOptions, String labelSuffix, double[] plain, Table table)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(context.scratch().toString(), key, shape.name(),
                Integer.toString(warmups), Integer.toString(rounds)));
        if (coreOnly) {
            arguments.add("core");
        }
        Command.Result child = ChildJvm.of(ShapeRounds.class).showingProgress().jvmOptions(jvmOptions.toArray(String[]::new))
                .arguments(arguments.toArray(String[]::new)).timeoutSeconds(1800).run().orThrow();
        Matcher rows = ROWS.matcher(child.stdout());
        if (!rows.find()) {
            throw new IllegalStateException("the " + shape.name() + " rounds printed no row count:\n" + child.stdout());
        }
        Matcher line = CASE.matcher(child.stdout());
        while (line.find()) {
            Samples wall = samples(line.group(2));
            Samples cpu = samples(line.group(3));
            int c = Integer.parseInt(line.group(1));
            if (c == 0) {
                plain[0] = wall.median();
            }
            table.row(shape.name(), ShapeRounds.CASES.get(c) + labelSuffix, Format.nanos(wall.median()),
                    Format.megabytesPerSecond(size, wall.median()), Format.megabytesPerSecond(size, cpu.median()),
                    Format.ratio(plain[0], wall.median()));
        }
        return rows.group(1);
    }

    private static Samples samples(String commaSeparatedNanos) {
        Samples samples = new Samples();
        for (String nanos : commaSeparatedNanos.split(",")) {
            samples.add(Long.parseLong(nanos));
        }
        return samples;
    }
}
