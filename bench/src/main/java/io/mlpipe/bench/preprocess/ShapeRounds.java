package io.mlpipe.bench.preprocess;

import io.mlpipe.tasks.preprocess.CsvRecords;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The preprocess section's cases on one CSV, run in a JVM of their own (one per data shape, as JMH forks one per
 * benchmark): a JVM that has just run the core on another shape has its JIT's profiles tuned for that one, and measured
 * 11 to 12% slower on the second (see BENCHMARKS.md). Warm-ups, then rounds of every case in turn, so a busy neighbour
 * slows every case alike; prints a line per case: {@code case=I wall=N,N,... cpu=N,N,...} (nanoseconds per round),
 * then {@code rows=N}.
 */
final class ShapeRounds {
    /** The cases, in the order of their lines; the first is the limit the others are compared with. */
    static final List<String> CASES = List.of(
            "plain read of the bytes (the limit)",
            "read + count newlines (one look at every byte)",
            "CSV reader alone (records and fields, no values looked at)",
            "preprocess core, as it runs (CSV read once, second pass from the /tmp spill)",
            "preprocess core, second pass reading the CSV again (when /tmp has no room)");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ShapeRounds() {
    }

    /** The case {@code core} runs alone. */
    static final int CORE = 3;

    /** {@code FOLDER KEY NAME WARMUPS ROUNDS [core]}: progress on stderr, results on stdout; with {@code core}, that case alone. */
    public static void main(String[] args) throws Exception {
        ScratchObjectStore store = new ScratchObjectStore(Path.of(args[0]));
        String key = args[1];
        String name = args[2];
        int warmups = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        boolean coreOnly = args.length > 5 && args[5].equals("core");
        long[] rows = new long[1];
        List<Work> all = List.of(
                () -> plainRead(store, key),
                () -> countNewlines(store, key),
                () -> readRecords(store, key),
                () -> rows[0] = rowsOf(PreprocessRun.preprocess(store, key)),
                () -> PreprocessRun.preprocessReadingTheCsvTwice(store, key));
        List<Integer> cases = coreOnly ? List.of(CORE) : IntStream.range(0, all.size()).boxed().toList();
        StringBuilder[] wall = new StringBuilder[all.size()];
        StringBuilder[] cpu = new StringBuilder[all.size()];
        for (int c = 0; c < all.size(); c++) {
            wall[c] = new StringBuilder();
            cpu[c] = new StringBuilder();
        }
        for (int round = -warmups; round < rounds; round++) {
            System.err.printf("  %s: %s %d of %d ...%n", name, round < 0 ? "warm-up" : "round",
                    round < 0 ? round + warmups + 1 : round + 1, round < 0 ? warmups : rounds);
            for (int c : cases) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                all.get(c).run();
                long nanos = System.nanoTime() - start;
                long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
                if (round >= 0) {
                    wall[c].append(wall[c].isEmpty() ? "" : ",").append(nanos);
                    cpu[c].append(cpu[c].isEmpty() ? "" : ",").append(cpuNanos);
                }
            }
        }
        for (int c : cases) {
            System.out.println("case=" + c + " wall=" + wall[c] + " cpu=" + cpu[c]);
        }
        System.out.println("rows=" + rows[0]);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long rowsOf(Map<String, Object> output) {
        return ((Number) ((Map<?, ?>) output.get("rows")).get("total")).longValue();
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
