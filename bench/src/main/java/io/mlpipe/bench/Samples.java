package io.mlpipe.bench;

import java.util.Arrays;

/** Repeated measurements of one case; benchmarks report the median (robust to a busy neighbour) and percentiles. */
public final class Samples {
    private double[] values = new double[16];
    private int size;

    public Samples add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        return this;
    }

    public int size() {
        return size;
    }

    public double median() {
        return percentile(50);
    }

    public double min() {
        return percentile(0);
    }

    public double max() {
        return percentile(100);
    }

    /** Nearest-rank percentile, 0..100. */
    public double percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
