package io.mlpipe.sagemaker.training;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** One channel's rows as a dense row-major matrix (missing values are NaN) and the labels. */
public record ChannelData(String channel, float[] features, float[] labels, int columns) {

    public int rows() {
        return labels.length;
    }

    /** The same rows with {@code width} feature columns (libsvm channels may name fewer); extra ones are missing. */
    public ChannelData widen(int width) {
        if (width == columns) {
            return this;
        }
        float[] wide = new float[rows() * width];
        java.util.Arrays.fill(wide, Float.NaN);
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(features, r * columns, wide, r * width, columns);
        }
        return new ChannelData(channel, wide, labels, width);
    }

    public DMatrix toDMatrix() throws XGBoostError {
        DMatrix matrix = new DMatrix(features, rows(), columns, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }
}
