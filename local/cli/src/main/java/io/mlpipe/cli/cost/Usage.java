package io.mlpipe.cli.cost;

import io.mlpipe.tasks.preprocess.ModelConfig;

/**
 * What the template cannot say: how big the data is, how long the work takes, how often it happens. Each has a
 * default a user replaces with their own measurement (the command's options).
 *
 * @param rows rows in a dropped CSV
 * @param rowBytes bytes per CSV row (the demo's churn data: about 35)
 * @param preprocessSeconds billed duration of the preprocess Lambda (its REPORT log line)
 * @param trainingSeconds billed seconds of the training job (DescribeTrainingJob BillableTimeInSeconds)
 * @param endpointPolls iterations of the endpoint wait loop until InService
 * @param outcome the Succeed state the retrain ends in (Deployed, or Rejected by the gate)
 * @param inferenceMillis billed duration of the inference Lambda per prediction request
 * @param endpointMillis serverless endpoint compute per prediction request
 * @param predictionBytes request plus response payload per prediction request
 * @param logEventBytes bytes per Step Functions log event (level ALL, with execution data)
 * @param lambdaLogBytes log bytes per Lambda invocation (Powertools JSON lines, START/END/REPORT)
 * @param model the model's configuration (config/&lt;model&gt;.json over the defaults): training instance, endpoint mode
 */
public record Usage(long rows, double rowBytes, double preprocessSeconds, double trainingSeconds, int endpointPolls,
                    String outcome, long retrainsPerMonth, long predictionsPerMonth, double inferenceMillis,
                    double endpointMillis, double predictionBytes, double logEventBytes, double lambdaLogBytes,
                    ModelConfig model) {
    public static final long ROWS = 100_000;
    public static final double ROW_BYTES = 35;
    public static final double PREPROCESS_SECONDS = 5;
    public static final double TRAINING_SECONDS = 180;
    public static final int ENDPOINT_POLLS = 8;
    public static final String OUTCOME = "Deployed";
    public static final long RETRAINS_PER_MONTH = 30;
    public static final long PREDICTIONS_PER_MONTH = 100_000;
    public static final double INFERENCE_MILLIS = 50;
    public static final double ENDPOINT_MILLIS = 100;
    public static final double PREDICTION_BYTES = 1024;
    public static final double LOG_EVENT_BYTES = 1024;
    public static final double LAMBDA_LOG_BYTES = 2048;

    public static Usage defaults() {
        return new Usage(ROWS, ROW_BYTES, PREPROCESS_SECONDS, TRAINING_SECONDS, ENDPOINT_POLLS, OUTCOME, RETRAINS_PER_MONTH,
                PREDICTIONS_PER_MONTH, INFERENCE_MILLIS, ENDPOINT_MILLIS, PREDICTION_BYTES, LOG_EVENT_BYTES, LAMBDA_LOG_BYTES,
                ModelConfig.defaults());
    }

    public Usage withModel(ModelConfig config) {
        return new Usage(rows, rowBytes, preprocessSeconds, trainingSeconds, endpointPolls, outcome, retrainsPerMonth,
                predictionsPerMonth, inferenceMillis, endpointMillis, predictionBytes, logEventBytes, lambdaLogBytes, config);
    }

    public Usage withOutcome(String succeedState) {
        return new Usage(rows, rowBytes, preprocessSeconds, trainingSeconds, endpointPolls, succeedState, retrainsPerMonth,
                predictionsPerMonth, inferenceMillis, endpointMillis, predictionBytes, logEventBytes, lambdaLogBytes, model);
    }

    public double dataGb() {
        return rows * rowBytes / 1e9;
    }

    /** serverless or instance */
    public String endpointMode() {
        return String.valueOf(model.endpoint().get("mode"));
    }

    public boolean instanceEndpoint() {
        return "instance".equals(endpointMode());
    }

    /** With an instance endpoint: its instance type. */
    public String endpointInstanceType() {
        return String.valueOf(model.endpoint().get("instanceType"));
    }

    /** With an instance endpoint: how many instances. */
    public int endpointInstanceCount() {
        return ((Number) model.endpoint().get("instanceCount")).intValue();
    }
}
