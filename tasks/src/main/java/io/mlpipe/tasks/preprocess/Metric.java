package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.ProblemType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gate's metric: the configured one or the problem type's default; the threshold defaults only for the
 * default metric (0.6 auc, 0.5 merror); null means the gate compares with the champion only.
 */
record Metric(String name, String direction, Double threshold, double minImprovement) {

    static Metric choose(ProblemType type, ModelConfig config, String configPath) {
        String name = config.metricName() != null ? config.metricName() : type.defaultMetric();
        if (!type.metrics().contains(name)) {
            throw new ConfigValidationError(configPath + " sets metric '" + name + "', which does not fit " + type.id()
                    + "; use one of " + String.join(", ", type.metrics()));
        }
        Double threshold = config.threshold() != null ? config.threshold()
                : name.equals(type.defaultMetric()) ? type.defaultThreshold() : null;
        return new Metric(name, ProblemType.direction(name), threshold, config.minImprovement());
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("direction", direction);
        map.put("threshold", threshold);
        map.put("minImprovement", minImprovement);
        map.put("trainingMetricName", "validation:" + name);
        return map;
    }
}
