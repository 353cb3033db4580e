package io.mlpipe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void anUnknownBenchmarkIsAUsageError() throws Exception {
        assertEquals(2, Main.run(new String[] {"no-such-benchmark"}));
    }

    @Test
    void benchmarkNamesAreUnique() {
        assertEquals(Main.ALL.size(), new HashSet<>(Main.ALL.stream().map(Benchmark::name).toList()).size());
    }

    @Test
    void tablesRenderAsMarkdownWithNumbersRightAligned() {
        String table = new Table("case", "value").row("a|b", 1).toString();
        assertEquals("| case | value |\n|---|---:|\n| a\\|b | 1 |\n", table);
    }

    @Test
    void percentilesAreNearestRank() {
        Samples samples = new Samples();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        assertEquals(50, samples.median());
        assertEquals(99, samples.percentile(99));
        assertEquals(1, samples.min());
        assertTrue(samples.max() == 100);
    }
}
