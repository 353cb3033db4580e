package io.mlpipe.sagemaker.hosting;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One endpoint's model, loaded once. Predictions are serialised on the booster: XGBoost4J's thread safety
 * has changed between versions, and a native crash here would take the whole twin down.
 */
public final class LoadedModel {
    private final Booster booster;
    private final String modelName;
    private final String variantName;
    private final int features;

    public LoadedModel(Booster booster, String modelName, String variantName) throws XGBoostError {
        this.booster = booster;
        this.modelName = modelName;
        this.variantName = variantName;
        this.features = (int) booster.getNumFeature();
    }

    public String modelName() {
        return modelName;
    }

    public String variantName() {
        return variantName;
    }

    public int features() {
        return features;
    }

    /** One row of output per input row: one value, or one per class for multi:softprob. */
    public float[][] predict(float[] rowMajor, int rows, int columns) throws XGBoostError {
        DMatrix matrix = new DMatrix(rowMajor, rows, columns, Float.NaN);
        try {
            synchronized (booster) {
                return booster.predict(matrix);
            }
        } finally {
            matrix.dispose();
        }
    }
}
