package io.mlpipe.sagemaker.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a channel's files as the built-in XGBoost container does: {@code text/csv} (label first, no header,
 * empty fields are missing values) or {@code text/libsvm} ({@code label index:value ...}). Every problem is a
 * {@link ClientError} that names the file, the row and what was expected.
 */
public final class ChannelReader {
    private ChannelReader() {
    }

    public static ChannelData read(String channel, Path dir, String contentType) throws ClientError, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ClientError("No data found in the " + channel + " channel");
        }
        String type = contentType == null ? "text/libsvm" : contentType.split(";")[0].trim().toLowerCase();
        boolean csv = switch (type) {
            case "text/csv", "csv" -> true;
            case "text/libsvm", "text/x-libsvm", "libsvm" -> false;
            default -> throw new ClientError("Content type " + contentType + " of the " + channel
                    + " channel is not supported; use text/csv or text/libsvm");
        };
        Rows rows = new Rows();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    Where where = new Where(channel, dir.relativize(file).toString(), lineNo);
                    if (csv) {
                        rows.add(csvRow(line, where), where);
                    } else {
                        rows.add(libsvmRow(line, where), where);
                    }
                }
            }
        }
        if (rows.labels.isEmpty()) {
            throw new ClientError("The " + channel + " channel has no rows");
        }
        return rows.toData(channel, csv);
    }

    private record Where(String channel, String file, int row) {
        @Override
        public String toString() {
            return channel + " channel, file " + file + ", row " + row;
        }
    }

    /** label, then features (for libsvm: index/value pairs, encoded as index then value). */
    private record Row(float label, float[] values, boolean sparse) {
    }

    private static Row csvRow(String line, Where where) throws ClientError {
        String[] fields = line.split(",", -1);
        if (fields.length < 2) {
            throw new ClientError(where + ": found 1 column; CSV rows need the label then at least one feature");
        }
        float label = number(fields[0], where, 1);
        if (Float.isNaN(label)) {
            throw new ClientError(where + ": the label (column 1) is empty");
        }
        float[] features = new float[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            features[i - 1] = number(fields[i], where, i + 1);
        }
        return new Row(label, features, false);
    }

    private static Row libsvmRow(String line, Where where) throws ClientError {
        String[] tokens = line.trim().split("\\s+");
        float label = number(tokens[0], where, 1);
        float[] pairs = new float[(tokens.length - 1) * 2];
        for (int i = 1; i < tokens.length; i++) {
            int colon = tokens[i].indexOf(':');
            if (colon <= 0) {
                throw new ClientError(where + ": '" + tokens[i] + "' is not an index:value pair");
            }
            try {
                int index = Integer.parseInt(tokens[i].substring(0, colon));
                if (index < 0) {
                    throw new NumberFormatException("negative");
                }
                pairs[(i - 1) * 2] = index;
            } catch (NumberFormatException e) {
                throw new ClientError(where + ": '" + tokens[i].substring(0, colon) + "' is not a feature index");
            }
            pairs[(i - 1) * 2 + 1] = number(tokens[i].substring(colon + 1), where, i + 1);
        }
        return new Row(label, pairs, true);
    }

    private static float number(String text, Where where, int column) throws ClientError {
        String t = text.trim();
        if (t.isEmpty()) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(t);
        } catch (NumberFormatException e) {
            throw new ClientError(where + ", column " + column + ": '" + t + "' is not a number"
                    + (where.row() == 1 ? " (a header row? the built-in algorithm reads CSV without one)"
                            : " (the built-in algorithm reads numbers only: encode categories first)"));
        }
    }

    private static final class Rows {
        private final List<Float> labels = new ArrayList<>();
        private final List<float[]> values = new ArrayList<>();
        private int width = -1;

        void add(Row row, Where where) throws ClientError {
            if (!row.sparse()) {
                if (width < 0) {
                    width = row.values().length;
                } else if (row.values().length != width) {
                    throw new ClientError(where + " has " + (row.values().length + 1) + " columns, expected "
                            + (width + 1));
                }
            } else {
                for (int i = 0; i < row.values().length; i += 2) {
                    width = Math.max(width, (int) row.values()[i] + 1);
                }
            }
            labels.add(row.label());
            values.add(row.values());
        }

        ChannelData toData(String channel, boolean csv) {
            int n = labels.size();
            int cols = Math.max(width, 1);
            float[] features = new float[n * cols];
            float[] y = new float[n];
            if (!csv) {
                Arrays.fill(features, Float.NaN);
            }
            for (int r = 0; r < n; r++) {
                y[r] = labels.get(r);
                float[] v = values.get(r);
                if (csv) {
                    System.arraycopy(v, 0, features, r * cols, v.length);
                } else {
                    for (int i = 0; i < v.length; i += 2) {
                        features[r * cols + (int) v[i]] = v[i + 1];
                    }
                }
            }
            return new ChannelData(channel, features, y, cols);
        }
    }
}
