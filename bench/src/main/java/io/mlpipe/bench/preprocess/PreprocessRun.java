package io.mlpipe.bench.preprocess;

import io.mlpipe.tasks.preprocess.Preprocessor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One run of the preprocess core ({@link Preprocessor}: the CSV read once, then the training data from its spill) over a CSV in the scratch folder, through a
 * {@link ScratchObjectStore}. Its {@link #main} is what the memory case runs in a JVM with a capped heap.
 */
final class PreprocessRun {
    private PreprocessRun() {
    }

    /** Preprocesses {@code key} (incoming/MODEL/...) below the store's folder; returns the output (rows, features...). */
    static Map<String, Object> preprocess(ScratchObjectStore store, String key) {
        return preprocess(new Preprocessor(store, Clock.systemUTC()), key);
    }

    /** The same, the second pass reading the CSV again instead of the first pass's spill in /tmp (no room for it). */
    static Map<String, Object> preprocessReadingTheCsvTwice(ScratchObjectStore store, String key) {
        return preprocess(Preprocessor.readingTheCsvTwice(store, Clock.systemUTC()), key);
    }

    private static Map<String, Object> preprocess(Preprocessor preprocessor, String key) {
        return preprocessor.preprocess(Map.of(
                "bucket", "mlpipe-bench", "key", key, "model", key.split("/")[1], "runId", "r-0123456789abcdef"));
    }

    /**
     * {@code FOLDER KEY}: preprocesses once and prints {@code rows=N nanos=N peakHeapBytes=N} where the peak is the
     * sum of the heap pools' peak usage (an upper bound: the pools need not peak at the same moment).
     */
    public static void main(String[] args) {
        ScratchObjectStore store = new ScratchObjectStore(Path.of(args[0]));
        long start = System.nanoTime();
        Map<String, Object> output = preprocess(store, args[1]);
        long nanos = System.nanoTime() - start;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Object rows = ((Map<?, ?>) output.get("rows")).get("total");
        System.out.println("rows=" + rows + " nanos=" + nanos + " peakHeapBytes=" + peak);
    }
}
