package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.ChildJvm;
import io.mlpipe.bench.Command;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Samples;
import io.mlpipe.bench.Table;
import io.mlpipe.tasks.preprocess.CsvRecords;
import java.io.InputStream;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
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

        ScratchObjectStore store = new ScratchObjectStore(context.scratch());
        List<Shape> shapes = List.of(
                new Shape("churn", CsvFiles.churn(context, throughputBytes)),
                new Shape("wide numeric", CsvFiles.wideNumeric(context, throughputBytes)));
        Table throughput = new Table("data", "case (one thread)", "median time", "MB/s of input CSV",
                "MB/s per CPU second", "speed vs plain read");
        StringBuilder described = new StringBuilder();
        for (Shape shape : shapes) {
            String key = shape.key();
            long size = Files.size(context.scratch().resolve(key));
            long[] rows = new long[1];
            List<Case> cases = List.of(
                    new Case("plain read of the bytes (the limit)", () -> plainRead(store, key)),
                    new Case("read + count newlines (one look at every byte)", () -> countNewlines(store, key)),
                    new Case("CSV reader alone (records and fields, no values looked at)", () -> readRecords(store, key)),
                    new Case("preprocess core, as it runs (CSV read once, second pass from the /tmp spill)",
                            () -> rows[0] = rowsOf(PreprocessRun.preprocess(store, key))),
                    new Case("preprocess core, second pass reading the CSV again (when /tmp has no room)",
                            () -> PreprocessRun.preprocessReadingTheCsvTwice(store, key)));
            for (int round = -warmups; round < rounds; round++) {
                context.say("%s: %s %d of %d ...", shape.name(), round < 0 ? "warm-up" : "round",
                        round < 0 ? round + warmups + 1 : round + 1, round < 0 ? warmups : rounds);
                for (Case c : cases) { // interleaved, so a busy neighbour slows every case alike
                    c.measure(round >= 0);
                }
            }
            double plain = cases.get(0).wall.median();
            for (Case c : cases) {
                throughput.row(shape.name(), c.label, Format.nanos(c.wall.median()), Format.megabytesPerSecond(size, c.wall.median()),
                        Format.megabytesPerSecond(size, c.cpu.median()), Format.ratio(plain, c.wall.median()));
            }
            described.append(described.isEmpty() ? "" : "; ").append("**").append(shape.name()).append("**, ")
                    .append(Format.bytes(size)).append(", ").append(Format.number(rows[0])).append(" rows");
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
                Warm-up %d, then the median of %d interleaved rounds. MB/s per CPU second
                divides by the measuring thread's CPU time (user + system), which a busy machine inflates less than
                the wall time. The CSV reader alone is the part of the core that only finds records and fields.

                %s
                Constant memory: the same core on a %s churn file in a fresh JVM with the heap capped at 256 MiB. Peak heap
                used is the sum of the heap pools' peaks (an upper bound; garbage included).

                %s
                %s
                """.formatted(described, warmups, rounds, throughput, Format.bytes(bigSize), memory, context.reproduce());
    }

    private static long rowsOf(Map<String, Object> output) {
        return ((Number) ((Map<?, ?>) output.get("rows")).get("total")).longValue();
    }

    private record Shape(String name, String key) {
    }

    private interface Work {
        void run() throws Exception;
    }

    /** One measured case: its wall time and the measuring thread's CPU time per round. */
    private static final class Case {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final String label;
        final Work work;
        final Samples wall = new Samples();
        final Samples cpu = new Samples();

        Case(String label, Work work) {
            this.label = label;
            this.work = work;
        }

        void measure(boolean keep) throws Exception {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            long nanos = System.nanoTime() - start;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (keep) {
                wall.add(nanos);
                cpu.add(cpuNanos);
            }
        }
    }

    /** Every byte read into the same size of buffer the CSV reader uses, nothing else: what the core cannot beat. */
    private static long plainRead(ScratchObjectStore store, String key) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream in = store.open("mlpipe-bench", key)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }

    /** The core's CSV reader over the same stream: quotes, separators and line ends found, nothing else. */
    private static long readRecords(ScratchObjectStore store, String key) throws Exception {
        try (InputStream in = store.open("mlpipe-bench", key)) {
            return CsvRecords.countFields(in);
        }
    }

    /** The plain read plus the cheapest look at every byte a parser must take. */
    private static long countNewlines(ScratchObjectStore store, String key) throws Exception {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        try (InputStream in = store.open("mlpipe-bench", key)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
