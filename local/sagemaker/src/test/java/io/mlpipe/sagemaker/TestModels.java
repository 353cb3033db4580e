package io.mlpipe.sagemaker;

import io.mlpipe.sagemaker.common.TarGz;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;

/**
 * Model artifacts made here, with no training job: a regression model over {@link Datasets#FEATURES} features
 * that predicts about {@code value} everywhere, so which model answered is plain to see.
 */
final class TestModels {
    private TestModels() {
    }

    static String uploadConstantModel(LocalSageMakerFixture fx, String key, float value) throws Exception {
        int rows = 20;
        float[] x = new float[rows * Datasets.FEATURES];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            x[r * Datasets.FEATURES] = r;
            y[r] = value;
        }
        DMatrix data = new DMatrix(x, rows, Datasets.FEATURES, Float.NaN);
        data.setLabel(y);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "nthread", "1", "eta", "1"));
        Booster booster = XGBoost.train(data, params, 2, new HashMap<>(), null, null);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        TarGz.write(Map.of("xgboost-model", booster.toByteArray("ubj")), 0, tar);
        fx.s3.putObject(b -> b.bucket(SharedS3.BUCKET).key(key), RequestBody.fromBytes(tar.toByteArray()));
        return LocalSageMakerFixture.s3(key);
    }

    /** A Model and a one-variant EndpointConfig (both named {@code name}) serving the artifact at {@code url}. */
    static void modelAndConfig(LocalSageMakerFixture fx, String name, String url, boolean serverless) {
        fx.api.createModel(b -> b.modelName(name).executionRoleArn(LocalSageMakerFixture.ROLE)
                .primaryContainer(c -> c.image(LocalSageMakerFixture.XGBOOST_IMAGE).modelDataUrl(url)));
        fx.api.createEndpointConfig(b -> b.endpointConfigName(name).productionVariants(v -> {
            v.variantName("AllTraffic").modelName(name);
            if (serverless) {
                v.serverlessConfig(s -> s.memorySizeInMB(2048).maxConcurrency(5));
            } else {
                v.initialInstanceCount(1).instanceType(ProductionVariantInstanceType.ML_M5_LARGE);
            }
        }));
    }
}
