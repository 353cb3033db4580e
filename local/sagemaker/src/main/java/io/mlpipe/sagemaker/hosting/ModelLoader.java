package io.mlpipe.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.sagemaker.objects.ObjectStore;
import io.mlpipe.sagemaker.objects.S3Uri;
import io.mlpipe.sagemaker.training.XgboostImages;
import java.io.InputStream;
import java.util.Map;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Loads a Model's artifact as the built-in XGBoost container does: {@code model.tar.gz} from the primary
 * container's ModelDataUrl, holding one model file ({@code xgboost-model}) in any format XGBoost reads.
 */
public final class ModelLoader {
    private final ObjectStore objects;

    public ModelLoader(ObjectStore objects) {
        this.objects = objects;
    }

    /** Thrown with a FailureReason a person can act on. */
    public static final class LoadFailure extends Exception {
        public LoadFailure(String message) {
            super(message);
        }
    }

    public LoadedModel load(JsonNode model, String variantName) throws LoadFailure {
        String modelName = model.path("ModelName").asText();
        JsonNode container = model.has("PrimaryContainer") ? model.get("PrimaryContainer") : model.path("Containers").path(0);
        String image = container.path("Image").asText(null);
        if (!XgboostImages.isXgboost(image)) {
            throw new LoadFailure("The image " + image + " of model " + modelName + " is not the built-in XGBoost "
                    + "algorithm; the local SageMaker serves only sagemaker-xgboost images");
        }
        String url = container.path("ModelDataUrl").asText(null);
        if (url == null) {
            throw new LoadFailure("Model " + modelName + " has no ModelDataUrl: the built-in XGBoost container needs one");
        }
        Map<String, byte[]> files;
        try {
            S3Uri uri = S3Uri.parse(url);
            try (InputStream in = objects.get(uri.bucket(), uri.key())) {
                files = TarGz.read(in);
            }
        } catch (Exception e) {
            throw new LoadFailure("Failed to extract model data archive from URL \"" + url + "\": " + e.getMessage());
        }
        byte[] modelFile = files.containsKey("xgboost-model") ? files.get("xgboost-model")
                : files.size() == 1 ? files.values().iterator().next() : null;
        if (modelFile == null) {
            throw new LoadFailure("The model data archive " + url + " holds " + files.keySet()
                    + "; the built-in XGBoost container expects one model file named xgboost-model");
        }
        try {
            return new LoadedModel(XGBoost.loadModel(modelFile), modelName, variantName);
        } catch (Exception e) {
            throw new LoadFailure("Unable to load model " + modelName + " from " + url + ": " + e.getMessage());
        }
    }
}
