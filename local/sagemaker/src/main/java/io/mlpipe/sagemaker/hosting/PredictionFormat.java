package io.mlpipe.sagemaker.hosting;

import io.mlpipe.protocol.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in XGBoost container's invocation formats. Requests: {@code text/csv} (no label, empty fields are
 * missing values) or {@code text/libsvm}. Answers for real-time endpoints, as its handler writes them:
 * {@code text/csv} is the predictions joined by commas on one line ({@code 0.2,0.9}); a row with one value per
 * class (multi:softprob) is written as a Python list ({@code [0.1, 0.7, 0.2],[0.5, 0.3, 0.2]});
 * {@code application/json} is the same as a JSON array.
 */
public final class PredictionFormat {
    private PredictionFormat() {
    }

    /** A request the container cannot read: answered with 415, as the container does. */
    public static final class UnsupportedInput extends Exception {
        public UnsupportedInput(String message) {
            super(message);
        }
    }

    public record Matrix(float[] values, int rows, int columns) {
    }

    public static Matrix parse(byte[] body, String contentType, int modelFeatures) throws UnsupportedInput {
        String type = contentType == null ? "text/csv" : contentType.split(";")[0].trim().toLowerCase();
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return switch (type) {
            case "text/csv" -> csv(text);
            case "text/libsvm", "text/x-libsvm" -> libsvm(text, modelFeatures);
            default -> throw new UnsupportedInput("Content type " + contentType
                    + " is not supported. Supported content types are text/csv and text/libsvm");
        };
    }

    private static Matrix csv(String text) throws UnsupportedInput {
        String[] lines = text.split("\r?\n");
        int columns = lines[0].split(",", -1).length;
        float[] values = new float[lines.length * columns];
        for (int r = 0; r < lines.length; r++) {
            String[] fields = lines[r].split(",", -1);
            if (fields.length != columns) {
                throw new UnsupportedInput("Loading csv data failed: row " + (r + 1) + " has " + fields.length
                        + " columns, expected " + columns);
            }
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = number(fields[c], r, c);
            }
        }
        return new Matrix(values, lines.length, columns);
    }

    private static Matrix libsvm(String text, int modelFeatures) throws UnsupportedInput {
        String[] lines = text.split("\r?\n");
        float[] values = new float[lines.length * modelFeatures];
        java.util.Arrays.fill(values, Float.NaN);
        for (int r = 0; r < lines.length; r++) {
            for (String token : lines[r].trim().split("\\s+")) {
                int colon = token.indexOf(':');
                if (colon < 0) {
                    continue; // a leading label, as in training files, is ignored
                }
                int index;
                try {
                    index = Integer.parseInt(token.substring(0, colon));
                } catch (NumberFormatException e) {
                    throw new UnsupportedInput("Loading libsvm data failed: row " + (r + 1) + ": bad index in " + token);
                }
                if (index < 0 || index >= modelFeatures) {
                    throw new UnsupportedInput("Loading libsvm data failed: row " + (r + 1) + ": feature index "
                            + index + " is outside the model's " + modelFeatures + " features");
                }
                values[r * modelFeatures + index] = number(token.substring(colon + 1), r, index);
            }
        }
        return new Matrix(values, lines.length, modelFeatures);
    }

    private static float number(String field, int row, int column) throws UnsupportedInput {
        String t = field.trim();
        if (t.isEmpty()) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(t);
        } catch (NumberFormatException e) {
            throw new UnsupportedInput("Loading csv data failed: row " + (row + 1) + ", column " + (column + 1)
                    + ": could not convert string to float: '" + t + "'");
        }
    }

    /** The answer's media type for an Accept header: the container's default is text/csv. */
    public static String answerType(String accept) throws UnsupportedInput {
        String type = accept == null ? "" : accept.split(";")[0].trim().toLowerCase();
        return switch (type) {
            case "", "*/*", "text/csv", "csv" -> "text/csv";
            case "application/json", "json" -> "application/json";
            default -> throw new UnsupportedInput(accept
                    + " is not an accepted Accept type. Please choose one of the following: ['text/csv', 'application/json'].");
        };
    }

    public static byte[] format(float[][] predictions, String answerType) {
        if (answerType.equals("application/json")) {
            List<Object> rows = new ArrayList<>();
            for (float[] row : predictions) {
                if (row.length == 1) {
                    rows.add((double) row[0]);
                } else {
                    List<Double> values = new ArrayList<>();
                    for (float v : row) {
                        values.add((double) v);
                    }
                    rows.add(values);
                }
            }
            try {
                return Json.MAPPER.writeValueAsBytes(rows);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder out = new StringBuilder();
        for (float[] row : predictions) {
            if (out.length() > 0) {
                out.append(',');
            }
            if (row.length == 1) {
                out.append(pythonFloat(row[0]));
            } else {
                out.append('[');
                for (int i = 0; i < row.length; i++) {
                    out.append(i == 0 ? "" : ", ").append(pythonFloat(row[i]));
                }
                out.append(']');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code str()} of the container's value: a float32 widened to a Python float, in Python's notation. */
    static String pythonFloat(float value) {
        double d = value;
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(d);
        if (d == Math.rint(d) && abs < 1e16) {
            return BigDecimal.valueOf(d).setScale(1).toPlainString();
        }
        String java = Double.toString(d);
        if (abs >= 1e-4 && abs < 1e16) {
            return new BigDecimal(java).stripTrailingZeros().toPlainString();
        }
        String[] parts = java.split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
