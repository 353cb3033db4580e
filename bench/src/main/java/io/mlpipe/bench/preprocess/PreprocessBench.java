package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.ChildJvm;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Samples;
import io.mlpipe.bench.Table;
import io.mlpipe.tasks.preprocess.CsvRecords;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preprocess Lambda's core ({@code Preprocessor}: profile pass, then encode + split + write pass) in MB/s of
 * input CSV on one thread, against reading the same bytes through the same stream (the limit); then a 1 GiB file
 * in a JVM whose heap is capped at 256 MiB, for constant memory.
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
        return "preprocess core (both passes) vs a plain read of the same CSV, MB/s per core; 1 GiB under -Xmx256m";
    }

    @Override
    public String run(BenchContext context) throws Exception {
        long throughputBytes = context.quick() ? 4 * MB : 256 * MB;
        long memoryBytes = context.quick() ? 16 * MB : 1L << 30;
        int warmups = context.quick() ? 1 : 2;
        int rounds = context.quick() ? 3 : 5;

        ScratchObjectStore store = new ScratchObjectStore(context.scratch());
        String key = ChurnFile.key(context, throughputBytes);
        long size = Files.size(context.scratch().resolve(key));
        Map<String, Samples> times = new HashMap<>();
        long rows = 0;
        for (int round = -warmups; round < rounds; round++) {
            context.say("%s %d of %d ...", round < 0 ? "warm-up" : "round", round < 0 ? round + warmups + 1 : round + 1,
                    round < 0 ? warmups : rounds);
            // interleaved, so a busy neighbour slows every case alike
            long plain = time(() -> plainRead(store, key));
            long newlines = time(() -> countNewlines(store, key));
            long reader = time(() -> readRecords(store, key));
            long[] preprocessed = new long[1];
            long core = time(() -> preprocessed[0] = rowsOf(PreprocessRun.preprocess(store, key)));
            if (round >= 0) {
                times.computeIfAbsent("plain", k -> new Samples()).add(plain);
                times.computeIfAbsent("newlines", k -> new Samples()).add(newlines);
                times.computeIfAbsent("reader", k -> new Samples()).add(reader);
                times.computeIfAbsent("core", k -> new Samples()).add(core);
            }
            rows = preprocessed[0];
        }
        double plain = times.get("plain").median();
        Table throughput = new Table("case (one thread)", "median time", "MB/s of input CSV", "speed vs plain read");
        throughput.row("plain read of the bytes (the limit)", Format.nanos(plain), Format.megabytesPerSecond(size, plain),
                Format.ratio(plain, plain));
        double newlines = times.get("newlines").median();
        throughput.row("read + count newlines (one look at every byte)", Format.nanos(newlines),
                Format.megabytesPerSecond(size, newlines), Format.ratio(plain, newlines));
        double reader = times.get("reader").median();
        throughput.row("CSV reader alone (records and fields, no values looked at)", Format.nanos(reader),
                Format.megabytesPerSecond(size, reader), Format.ratio(plain, reader));
        throughput.row("the reader twice (what two passes cost before any value work)", Format.nanos(2 * reader),
                Format.megabytesPerSecond(size, 2 * reader), Format.ratio(plain, 2 * reader));
        double core = times.get("core").median();
        throughput.row("preprocess core, both passes", Format.nanos(core), Format.megabytesPerSecond(size, core),
                Format.ratio(plain, core));

        context.say("memory: preprocessing %s in a JVM with -Xmx256m ...", Format.bytes(memoryBytes));
        String bigKey = ChurnFile.key(context, memoryBytes);
        long bigSize = Files.size(context.scratch().resolve(bigKey));
        ChildJvm.Result child = ChildJvm.of(PreprocessRun.class).jvmOptions("-Xmx256m")
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

                The preprocess Lambda's core (`Preprocessor`: a profiling pass, then an encode + split + write pass) on a
                %s seeded churn CSV (`SampleData.writeChurn`: %s rows of 4 numeric and 3 categorical columns, ~1%% missing
                values, a yes/no target), on one thread, in MB/s of input CSV, against the limit: reading the same
                bytes through the same `ObjectStore` stream (a local file; the training CSVs it writes are counted and
                discarded, %s per run). Warm-up %d, then the median of %d interleaved rounds. The middle rows
                explain the gap: both passes run the same CSV reader over the whole file before looking at any value.

                %s
                Constant memory: the same core on a %s file in a fresh JVM with the heap capped at 256 MiB. Peak heap
                used is the sum of the heap pools' peaks (an upper bound; garbage included).

                %s
                %s
                """.formatted(Format.bytes(size), Format.number(rows), Format.bytes(store.bytesWritten() / (warmups + rounds)),
                warmups, rounds, throughput, Format.bytes(bigSize), memory, context.reproduce(name()));
    }

    private static long rowsOf(Map<String, Object> output) {
        return ((Number) ((Map<?, ?>) output.get("rows")).get("total")).longValue();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
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
