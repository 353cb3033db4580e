package io.mlpipe.tasks.inference;

import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointFailedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the XGBoost container's text/csv answer: one line per row holding one number (binary probability of
 * class 1, or the regression value) or one probability per class (multi:softprob). Older containers put
 * all rows on one comma-separated line (softprob as "[[...],[...]]"), and some wrap a row in brackets; all are
 * accepted.
 */
final class PredictionParser {
    private PredictionParser() {
    }

    static List<Object> parse(String answer, FeatureSpec spec, int rows) {
        List<double[]> lines = new ArrayList<>();
        for (String line : answer.split("\\r?\\n")) {
            String values = line.replace("[", "").replace("]", "").trim();
            if (!values.isEmpty()) {
                lines.add(numbers(values));
            }
        }
        int perRow = spec.problemType() == ProblemType.MULTICLASS_CLASSIFICATION ? spec.labelClasses().size() : 1;
        if (lines.size() == 1 && rows > 1 && lines.get(0).length == rows * perRow) {
            lines = split(lines.get(0), perRow);
        }
        if (lines.size() != rows) {
            throw new EndpointFailedException("the endpoint answered " + lines.size() + " predictions for " + rows + " rows", null);
        }
        List<Object> predictions = new ArrayList<>(rows);
        for (double[] line : lines) {
            predictions.add(prediction(line, spec));
        }
        return predictions;
    }

    private static Object prediction(double[] values, FeatureSpec spec) {
        List<Object> classes = spec.labelClasses();
        if (spec.problemType() == ProblemType.REGRESSION) {
            expect(values, 1);
            return values[0];
        }
        double[] probabilities;
        if (spec.problemType() == ProblemType.BINARY_CLASSIFICATION) {
            expect(values, 1);
            probabilities = new double[] {1 - values[0], values[0]};
        } else {
            expect(values, classes.size());
            probabilities = values;
        }
        int best = 0;
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            byLabel.put(String.valueOf(classes.get(i)), probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("label", classes.get(best));
        prediction.put("probabilities", byLabel);
        return prediction;
    }

    private static void expect(double[] values, int count) {
        if (values.length != count) {
            throw new EndpointFailedException("the endpoint answered " + values.length + " values per row, expected " + count, null);
        }
    }

    private static double[] numbers(String line) {
        String[] parts = line.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new EndpointFailedException("the endpoint answered a value that is not a number: '" + parts[i] + "'", null);
            }
        }
        return values;
    }

    private static List<double[]> split(double[] oneLine, int perRow) {
        List<double[]> lines = new ArrayList<>();
        for (int i = 0; i < oneLine.length; i += perRow) {
            lines.add(java.util.Arrays.copyOfRange(oneLine, i, i + perRow));
        }
        return lines;
    }
}
