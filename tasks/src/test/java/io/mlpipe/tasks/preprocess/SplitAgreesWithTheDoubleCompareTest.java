package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Split#validation}'s integer compare puts every row where the double compare it replaced (1a00c9a) put it:
 * the top 53 bits of the row's hash, times 2^-53, below the fraction. For the fractions at and past the ends of
 * [0, 1], the smallest and the nearest to 1, and for row indexes at the ends of a long.
 */
class SplitAgreesWithTheDoubleCompareTest {
    private static final double[] FRACTIONS = {0, -0.0, 1, 0.05, 0.2, 0.5, 1.0 / 3, Double.MIN_VALUE, Double.MIN_NORMAL,
            0x1p-53, 0x1p-54, 0x1.8p-53, Math.nextDown(1.0), Math.nextUp(1.0), 1 - 0x1p-52, 2, 1023.9, 1024, 1e300,
            Double.POSITIVE_INFINITY, -Double.MIN_VALUE, -0.5, -1, -1023.9, -1024, -1e300, Double.NEGATIVE_INFINITY,
            Double.NaN};
    private static final long[] ROWS = {0, 1, 2, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, -1};

    @Test
    void everyRowGoesWhereTheDoubleComparePutIt() {
        SplittableRandom random = new SplittableRandom(3);
        for (double fraction : FRACTIONS) {
            Split split = new Split(fraction);
            for (int i = 0; i < 20_000; i++) {
                long row = i < ROWS.length ? ROWS[i] : i < 10_000 ? i : random.nextLong();
                assertEquals(doubleCompare(fraction, row), split.validation(row), "fraction " + fraction + ", row " + row);
            }
        }
    }

    @Test
    void aFractionOfZeroOrLessPutsNoRowInValidationAndOneOrMoreEveryRow() {
        for (long row = Long.MAX_VALUE - 10_000; row < Long.MAX_VALUE; row++) {
            assertEquals(0, new Split(-1e300).validation(row), "row " + row);
            assertEquals(0, new Split(0).validation(row), "row " + row);
            assertEquals(1, new Split(1).validation(row), "row " + row);
            assertEquals(1, new Split(1e300).validation(row), "row " + row);
        }
    }

    /** The split before 1a00c9a. */
    private static int doubleCompare(double fraction, long row) {
        long h = mix(0x6D6C70697065L + row * 0x9E3779B97F4A7C15L);
        return (h >>> 11) * 0x1.0p-53 < fraction ? 1 : 0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
