package io.mlpipe.bench.inference;

import io.mlpipe.sagemaker.hosting.LoadedModel;
import io.mlpipe.sagemaker.hosting.PredictionFormat;
import io.mlpipe.tasks.io.EndpointInvoker;
import java.nio.charset.StandardCharsets;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The endpoint call answered in this process by the booster itself, with the local SageMaker's own request and
 * answer formats (the container's text/csv), so what the handler path adds on top of it is the handler's own
 * work, not HTTP.
 */
final class BoosterEndpoint implements EndpointInvoker {
    private final LoadedModel model;
    private volatile String lastRequest;

    BoosterEndpoint(LoadedModel model) {
        this.model = model;
    }

    /** The matrix a request body becomes at the endpoint: what the limit predicts on. */
    PredictionFormat.Matrix matrix(String csv) {
        try {
            return PredictionFormat.parse(csv.getBytes(StandardCharsets.UTF_8), "text/csv", model.features());
        } catch (PredictionFormat.UnsupportedInput e) {
            throw new EndpointFailedException(e.getMessage(), e);
        }
    }

    /** The CSV the handler last sent. */
    String lastRequest() {
        return lastRequest;
    }

    @Override
    public String invoke(String endpointName, String contentType, String body) {
        lastRequest = body;
        PredictionFormat.Matrix matrix = matrix(body);
        try {
            float[][] predictions = model.predict(matrix.values(), matrix.rows(), matrix.columns());
            return new String(PredictionFormat.format(predictions, "text/csv"), StandardCharsets.UTF_8);
        } catch (XGBoostError e) {
            throw new EndpointFailedException(e.getMessage(), e);
        }
    }
}
