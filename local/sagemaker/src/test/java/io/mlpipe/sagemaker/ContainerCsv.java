package io.mlpipe.sagemaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the container's real-time text/csv answer: {@code 0.1,0.9} (one value per row) or
 * {@code [0.1, 0.9],[0.3, 0.7]} (one list per row).
 */
final class ContainerCsv {
    private ContainerCsv() {
    }

    static float[][] parse(String body) {
        List<float[]> rows = new ArrayList<>();
        String text = body.trim();
        if (text.startsWith("[")) {
            for (String row : text.substring(1, text.length() - 1).split("\\],\\[")) {
                rows.add(floats(row.split(",\\s*")));
            }
        } else {
            for (String v : text.split(",")) {
                rows.add(floats(new String[] {v}));
            }
        }
        return rows.toArray(new float[0][]);
    }

    private static float[] floats(String[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) Double.parseDouble(values[i].trim());
        }
        return out;
    }
}
