package io.mlpipe.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded CSV with a real signal: numeric features {@code x1}, {@code x2}, a pure-noise {@code x3}, a
 * categorical {@code color}, and {@code target}. The training part is what is dropped; the held-out rows,
 * drawn from the same distribution, are what the REST predictions are scored on.
 *
 * @param rows the training rows (header excluded), values in header order
 * @param heldOut rows never uploaded, same layout
 */
record Dataset(List<String> header, List<List<String>> rows, List<List<String>> heldOut) {
    static final List<String> HEADER = List.of("x1", "x2", "x3", "color", "target");
    private static final List<String> COLORS = List.of("red", "green", "blue");

    enum Kind {
        BINARY("binary_classification"), MULTICLASS("multiclass_classification"), REGRESSION("regression");

        private final String problemType;

        Kind(String problemType) {
            this.problemType = problemType;
        }

        /** The problem type the pipeline detects from the target's values (docs/CONTRACTS.md). */
        String problemType() {
            return problemType;
        }
    }

    /** A problem of the given kind; {@code noise} 0 is an almost perfectly learnable signal. */
    static Dataset of(Kind kind, long seed, int rows, int heldOut, double noise) {
        Random random = new Random(seed);
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < rows + heldOut; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextDouble();
            String color = COLORS.get(random.nextInt(COLORS.size()));
            double score = 1.5 * x1 - x2 + (color.equals("red") ? 1.0 : 0.0) + noise * random.nextGaussian();
            String target = switch (kind) {
                case BINARY -> score > 0.3 ? "yes" : "no";
                case MULTICLASS -> score < -0.7 ? "low" : score < 1.0 ? "mid" : "high";
                case REGRESSION -> number(3 * score + 10);
            };
            all.add(List.of(number(x1), number(x2), number(x3), color, target));
        }
        return new Dataset(HEADER, List.copyOf(all.subList(0, rows)), List.copyOf(all.subList(rows, all.size())));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** The same features with the targets shuffled among the rows: nothing left to learn. */
    Dataset shuffledTargets(long seed) {
        List<String> targets = new ArrayList<>(rows.stream().map(row -> row.get(row.size() - 1)).toList());
        Collections.shuffle(targets, new Random(seed));
        List<List<String>> shuffled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.set(row.size() - 1, targets.get(i));
            shuffled.add(row);
        }
        return new Dataset(header, shuffled, heldOut);
    }

    String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        return csv.toString();
    }

    /** The held-out rows as the REST API takes them: features only, numbers as numbers. */
    List<Map<String, Object>> heldOutFeatures() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (List<String> row : heldOut) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() - 1; i++) {
                values.put(header.get(i), header.get(i).equals("color") ? row.get(i) : Double.parseDouble(row.get(i)));
            }
            features.add(values);
        }
        return features;
    }

    List<String> heldOutTargets() {
        return heldOut.stream().map(row -> row.get(row.size() - 1)).toList();
    }
}
