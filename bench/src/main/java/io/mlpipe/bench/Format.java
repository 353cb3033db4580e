package io.mlpipe.bench;

import java.util.Locale;

/** How numbers read in BENCHMARKS.md: the same units and digits in every section. */
public final class Format {
    private Format() {
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** A duration given in nanoseconds, in the unit that keeps 3 significant digits readable. */
    public static String nanos(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    public static String megabytesPerSecond(long bytes, double nanos) {
        return String.format(Locale.ROOT, "%.0f MB/s", bytes / 1e6 / (nanos / 1e9));
    }

    /** "0.42x" or "12x": how many times the first is the second. */
    public static String ratio(double numerator, double denominator) {
        double ratio = numerator / denominator;
        return String.format(Locale.ROOT, ratio < 10 ? "%.2fx" : "%.0fx", ratio);
    }

    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
