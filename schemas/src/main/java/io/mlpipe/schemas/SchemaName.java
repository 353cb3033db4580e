package io.mlpipe.schemas;

/** Every contract schema, by the file name it has under {@code schemas/} on the classpath. */
public enum SchemaName {
    EXECUTION_INPUT("execution-input"),
    PREPROCESS_INPUT("preprocess-input"),
    PREPROCESS_OUTPUT("preprocess-output"),
    MODEL_CONFIG("model-config"),
    FEATURE_SPEC("feature-spec"),
    STATS("stats"),
    RUN_ITEM("run-item"),
    MODEL_VERSION_ITEM("model-version-item"),
    CHAMPION_ITEM("champion-item"),
    INFERENCE_LOG_ITEM("inference-log-item"),
    PREDICT_REQUEST("predict-request"),
    PREDICT_RESPONSE("predict-response"),
    MODEL_INFO_RESPONSE("model-info-response"),
    ERROR_RESPONSE("error-response"),
    MODEL_DEPLOYED_DETAIL("model-deployed-detail"),
    MODEL_REJECTED_DETAIL("model-rejected-detail"),
    PIPELINE_FAILED_DETAIL("pipeline-failed-detail");

    private final String fileName;

    SchemaName(String baseName) {
        this.fileName = baseName + ".json";
    }

    /** The file name, e.g. {@code model-config.json}. */
    public String fileName() {
        return fileName;
    }

    /** The schema's {@code $id}. */
    public String id() {
        return Schemas.ID_PREFIX + fileName;
    }
}
