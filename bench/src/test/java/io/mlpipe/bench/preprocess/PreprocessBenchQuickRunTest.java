package io.mlpipe.bench.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.bench.BenchContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./mlpipe bench --quick preprocess` works and returns its section's shape; the numbers are not checked. */
class PreprocessBenchQuickRunTest {
    @Test
    void quickRunReturnsThroughputAgainstThePlainReadAndTheCappedHeapRun(@TempDir Path root) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        String section = new PreprocessBench().run(BenchContext.of(root, "preprocess", true,
                new PrintStream(progress, true, StandardCharsets.UTF_8)));

        assertTrue(section.startsWith("## Preprocess core\n"), section);
        assertTrue(section.contains("| plain read of the bytes (the limit) |"), section);
        assertTrue(section.contains("| churn | preprocess core, as it runs (CSV read once, second pass from the /tmp spill) |"), section);
        assertTrue(section.contains("| wide numeric | preprocess core, as it runs (CSV read once, second pass from the /tmp spill) |"), section);
        assertTrue(section.contains("| churn | preprocess core, second pass reading the CSV again (when /tmp has no room) |"), section);
        assertTrue(section.contains("| CSV reader alone (records and fields, no values looked at) |"), section);
        assertTrue(section.matches("(?s).*\\| preprocess core, as it runs [^|]+ \\| [^|]+ \\| \\d+ MB/s \\| \\d+ MB/s \\| [0-9.]+x \\|.*"), section);
        assertTrue(section.contains("| 256 MiB | preprocessed |"), section + progress);
        assertTrue(section.strip().endsWith("(this output came from --quick: sizes too small to mean anything)."), section);
        assertEquals(2, section.lines().filter(line -> line.startsWith("|---")).count(), section);
    }
}
