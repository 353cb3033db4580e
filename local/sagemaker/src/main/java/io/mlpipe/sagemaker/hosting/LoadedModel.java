package io.mlpipe.sagemaker.hosting;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One endpoint's model, loaded once. Predictions are serialised on the booster: XGBoost4J's thread safety
 * has changed between versions, and a native crash here would take the whole twin down. Each runs on one
 * thread: a request's few rows gain nothing from OpenMP, and on the twin's shared machine its threads waiting
 * for busy cores made one prediction 20 to 100 times slower (measured by {@code ./mlpipe bench inference}).
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
        booster.setParam("nthread", "1");
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
