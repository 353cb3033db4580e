package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.Values;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything the second pass needs: which column is the label and how to encode it, and for every other
 * column (in file order) whether it is numeric (copied as written) or categorical (its index in the sorted
 * vocabulary).
 */
final class TrainingPlan {
    final int targetIndex;
    final TargetEncoding target;
    final List<Feature> features = new ArrayList<>();
    /** Per feature, the file column it comes from. */
    final int[] featureColumns;
    /** Per feature, the category codes; null for numeric features. */
    final CategoryCodes[] categoryCodes;
    /** Rows with a target: the rows written. */
    final long rows;
    /**
     * Per output column (the label, then the features), what a {@link RowSpill} token stands for: the encoded form of
     * the column's vocabulary value with that index (nothing for a spelling of missing), and the comma or newline after
     * it, so a cell is one write.
     */
    final byte[][][] spilledValues;
    /** {@link #spilledValues} as {@link CsvOutput#word}s where they fit in 7 bytes (most do), else -1. */
    final long[][] spilledWords;
    /** Per output column, the row from which the spill holds its cells as bytes ({@link ColumnProfile#NEVER}: none). */
    final long[] spilledAsBytesFrom;
    /**
     * The row from which the spill's rows start with a flag, {@link RowSpill#BLOCK} or {@link RowSpill#CELLS}: from
     * where every feature is kept as bytes, if the features stand side by side in the file; else {@link ColumnProfile#NEVER}.
     */
    final long blocksFrom;

    TrainingPlan(DataProfile profile, TargetEncoding target) {
        this.targetIndex = profile.targetIndex();
        this.target = target;
        this.featureColumns = new int[profile.columns().size() - 1];
        this.categoryCodes = new CategoryCodes[featureColumns.length];
        int f = 0;
        for (int i = 0; i < profile.columns().size(); i++) {
            if (i == targetIndex) {
                continue;
            }
            ColumnProfile column = profile.columns().get(i);
            featureColumns[f] = i;
            if (column.isNumeric()) {
                features.add(Feature.numeric(column.name));
            } else {
                List<String> categories = new ArrayList<>(new TreeSet<>(column.distinct().keySet()));
                features.add(Feature.categorical(column.name, categories));
                categoryCodes[f] = new CategoryCodes(categories);
            }
            f++;
        }
        this.rows = profile.rows();
        int[] order = DataProfiler.outputOrder(profile.columns().size(), targetIndex);
        this.spilledValues = new byte[order.length][][];
        this.spilledWords = new long[order.length][];
        this.spilledAsBytesFrom = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            ColumnProfile column = profile.columns().get(order[k]);
            spilledAsBytesFrom[k] = column.cellByCellFrom();
            byte separator = k == order.length - 1 ? (byte) '\n' : (byte) ',';
            spilledValues[k] = encodedValues(column, k == 0 ? null : categoryCodes[k - 1], k == 0, separator);
            spilledWords[k] = Arrays.stream(spilledValues[k]).mapToLong(v -> v.length < Long.BYTES ? CsvOutput.word(v) : -1).toArray();
        }
        long allFeaturesAsBytes = 0;
        for (int k = 1; k < order.length; k++) {
            allFeaturesAsBytes = Math.max(allFeaturesAsBytes, spilledAsBytesFrom[k]);
        }
        this.blocksFrom = DataProfiler.featuresAdjacent(order.length, targetIndex) ? allFeaturesAsBytes : ColumnProfile.NEVER;
    }

    /** What each of the column's vocabulary values is written as, at its index, followed by {@code separator}. */
    private byte[][] encodedValues(ColumnProfile column, CategoryCodes codes, boolean label, byte separator) {
        byte[][] encoded = new byte[column.vocabularySize()][];
        for (int i = 0; i < encoded.length; i++) {
            byte[] value = column.valueBytes(i);
            byte[] code = Values.isMissing(value, 0, value.length) ? new byte[0]
                    : label ? target.label(value, 0, value.length)
                    : codes != null ? codes.code(value, 0, value.length) : value;
            if (code == null) {
                // the codes come from these very values (a label "-0" is the class 0; text not UTF-8 is refused)
                throw new IllegalStateException("no encoding for the value '" + new String(value, StandardCharsets.UTF_8)
                        + "' of column '" + column.name + "'");
            }
            encoded[i] = Arrays.copyOf(code, code.length + 1);
            encoded[i][code.length] = separator;
        }
        return encoded;
    }

    FeatureSpec featureSpec(String model, String runId, String targetName) {
        return new FeatureSpec(model, runId, targetName, target.problemType, List.copyOf(features), target.classes);
    }
}
