package io.mlpipe.sagemaker;

import java.util.Locale;
import java.util.Random;

/**
 * Seeded data with a real signal, in the container's CSV (label first, no header): binary, three-class and
 * regression problems over five features, a few values missing.
 */
final class Datasets {
    static final int FEATURES = 5;

    /** Rows of label then features. */
    record Data(double[] labels, double[][] features) {
        String csv() {
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < labels.length; r++) {
                out.append(format(labels[r]));
                for (double v : features[r]) {
                    out.append(',').append(Double.isNaN(v) ? "" : format(v));
                }
                out.append('\n');
            }
            return out.toString();
        }

        /** The features only: an InvokeEndpoint body. */
        String featuresCsv() {
            StringBuilder out = new StringBuilder();
            for (double[] row : features) {
                for (int c = 0; c < row.length; c++) {
                    out.append(c == 0 ? "" : ",").append(Double.isNaN(row[c]) ? "" : format(row[c]));
                }
                out.append('\n');
            }
            return out.toString();
        }

        float[] featureMatrix() {
            float[] m = new float[features.length * FEATURES];
            for (int r = 0; r < features.length; r++) {
                for (int c = 0; c < FEATURES; c++) {
                    // as the container parses the CSV sent to it
                    m[r * FEATURES + c] = Double.isNaN(features[r][c]) ? Float.NaN : Float.parseFloat(format(features[r][c]));
                }
            }
            return m;
        }
    }

    enum Problem { BINARY, MULTICLASS, REGRESSION }

    private Datasets() {
    }

    static Data generate(Problem problem, int rows, long seed) {
        Random random = new Random(seed);
        double[] labels = new double[rows];
        double[][] features = new double[rows][FEATURES];
        for (int r = 0; r < rows; r++) {
            double[] x = features[r];
            for (int c = 0; c < FEATURES; c++) {
                x[c] = random.nextGaussian();
            }
            labels[r] = switch (problem) {
                case BINARY -> random.nextDouble() < 1 / (1 + Math.exp(-(2 * x[0] - 1.5 * x[1] + x[2] * x[3]))) ? 1 : 0;
                case MULTICLASS -> argmax(x[0] + 0.3 * random.nextGaussian(), x[1] + 0.3 * random.nextGaussian(),
                        -x[0] - x[1] + 0.3 * random.nextGaussian());
                case REGRESSION -> 3 * x[0] + x[1] * x[1] - x[2] + 0.3 * random.nextGaussian();
            };
            if (random.nextDouble() < 0.05) {
                x[4] = Double.NaN; // missing values, written as empty fields
            }
        }
        return new Data(labels, features);
    }

    private static int argmax(double... values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.5f", v);
    }
}
