package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Format;
import io.mlpipe.cli.pipeline.SampleData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The benchmark's inputs, seeded, of about the size asked for, written once into the scratch folder and reused. Two
 * shapes, because a CSV core's MB/s depends on how long its fields are: {@link SampleData}'s churn data (7 short
 * columns, ~5 bytes a field) and a wide numeric table (20 decimal features, ~9 bytes a field) as feature exports
 * and sensor data look.
 */
final class CsvFiles {
    static final long SEED = 42;
    /** Measured over the generators' output: a row is about this long, header aside. */
    private static final int CHURN_BYTES_PER_ROW = 35;
    private static final int WIDE_FEATURES = 20;
    private static final int WIDE_BYTES_PER_ROW = 190;

    private CsvFiles() {
    }

    /** The key (path below the scratch folder, model "churn") of a churn CSV of about {@code bytes}. */
    static String churn(BenchContext context, long bytes) throws IOException {
        long rows = Math.max(100, bytes / CHURN_BYTES_PER_ROW);
        return generated(context, "incoming/churn/churn-" + rows + "-rows.csv", bytes,
                out -> SampleData.writeChurn(out, rows, SEED));
    }

    /** The key (model "wide") of a CSV of 20 decimal features and a 0/1 target that depends on them, of about {@code bytes}. */
    static String wideNumeric(BenchContext context, long bytes) throws IOException {
        long rows = Math.max(100, bytes / WIDE_BYTES_PER_ROW);
        return generated(context, "incoming/wide/wide-" + rows + "-rows.csv", bytes, out -> writeWide(out, rows));
    }

    /** Generated once into the scratch folder; the key is its path there. */
    private static String generated(BenchContext context, String key, long bytes, BenchContext.Generator generator)
            throws IOException {
        context.generated(key, "about " + Format.bytes(bytes) + ", seed " + SEED, generator);
        return key;
    }

    private static void writeWide(OutputStream out, long rows) throws IOException {
        Random random = new Random(SEED);
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
        for (int f = 1; f <= WIDE_FEATURES; f++) {
            csv.write(String.format("f%02d,", f));
        }
        csv.write("target\n");
        double[] weights = random.doubles(WIDE_FEATURES, -1, 1).toArray();
        for (long row = 0; row < rows; row++) {
            double score = 0;
            for (int f = 0; f < WIDE_FEATURES; f++) {
                double value = Math.round(random.nextGaussian() * 1e6) / 1e6; // six decimals, as exports print them
                score += weights[f] * value;
                csv.write(Double.toString(value));
                csv.write(',');
            }
            csv.write(score + random.nextGaussian() > 0 ? "1\n" : "0\n");
        }
        csv.flush();
    }
}
