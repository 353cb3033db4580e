package io.mlpipe.tasks.features;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** The three problem types, with the XGBoost objective and metrics that fit each (docs/CONTRACTS.md). */
public enum ProblemType {
    BINARY_CLASSIFICATION("binary_classification", "binary:logistic", List.of("auc", "logloss", "error"), 0.6),
    MULTICLASS_CLASSIFICATION("multiclass_classification", "multi:softprob", List.of("merror", "mlogloss"), 0.5),
    REGRESSION("regression", "reg:squarederror", List.of("rmse", "mae"), null);

    private final String id;
    private final String objective;
    private final List<String> metrics;
    private final Double defaultThreshold;

    ProblemType(String id, String objective, List<String> metrics, Double defaultThreshold) {
        this.id = id;
        this.objective = objective;
        this.metrics = metrics;
        this.defaultThreshold = defaultThreshold;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String objective() {
        return objective;
    }

    /** The metrics XGBoost reports for this objective; the first is the default. */
    public List<String> metrics() {
        return metrics;
    }

    public String defaultMetric() {
        return metrics.get(0);
    }

    /** The default threshold of the default metric; null means "champion comparison only". */
    public Double defaultThreshold() {
        return defaultThreshold;
    }

    public boolean isClassification() {
        return this != REGRESSION;
    }

    public static ProblemType fromId(String id) {
        for (ProblemType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown problem type " + id);
    }

    /** auc is the only metric where larger is better. */
    public static String direction(String metric) {
        return "auc".equals(metric) ? "maximize" : "minimize";
    }
}
