package io.mlpipe.sagemaker.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads XGBoost's evaluation line ({@code [3]\ttrain-auc:0.97\tvalidation-auc:0.95}) into the metric names
 * SageMaker reports for the built-in container: {@code train:auc}, {@code validation:auc}.
 */
public final class RoundMetrics {
    private RoundMetrics() {
    }

    public static Map<String, Double> parse(String evalLine, List<String> setNames) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        String[] tokens = evalLine.trim().split("\t");
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            int colon = token.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = token.substring(0, colon);
            for (String set : setNames) {
                // the set's name is known, so a metric with dashes in it (poisson-nloglik) stays whole
                if (name.startsWith(set + "-")) {
                    metrics.put(set + ":" + name.substring(set.length() + 1), number(token.substring(colon + 1)));
                    break;
                }
            }
        }
        return metrics;
    }

    /** XGBoost prints {@code nan} (e.g. AUC on a one-class set), which Java's parser does not read. */
    private static double number(String text) {
        String t = text.trim().toLowerCase();
        return switch (t) {
            case "nan", "-nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    /** Whether a larger value of the metric is better (AUC, MAP, NDCG, precision). */
    public static boolean maximize(String metric) {
        String base = metric.replaceFirst("^[a-z]+:", "").replaceFirst("@.*$", "");
        return List.of("auc", "aucpr", "map", "ndcg", "pre", "interval-regression-accuracy").contains(base);
    }
}
