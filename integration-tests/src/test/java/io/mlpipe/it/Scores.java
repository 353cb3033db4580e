package io.mlpipe.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How good predictions are against the held-out truth. */
final class Scores {
    private Scores() {
    }

    /** Share of classification predictions whose label is the true one. */
    static double accuracy(JsonNode predictions, List<String> truth) {
        int right = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predictions.get(i).path("label").asText())) {
                right++;
            }
        }
        return right / (double) truth.size();
    }

    /** Area under the ROC curve of the probability of {@code positive} (ties count half). */
    static double auc(JsonNode predictions, List<String> truth, String positive) {
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            double p = predictions.get(i).path("probabilities").path(positive).asDouble(Double.NaN);
            (truth.get(i).equals(positive) ? positives : negatives).add(p);
        }
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.size() * (double) negatives.size());
    }

    static double rmse(JsonNode predictions, List<String> truth) {
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            double error = predictions.get(i).asDouble() - Double.parseDouble(truth.get(i));
            sum += error * error;
        }
        return Math.sqrt(sum / truth.size());
    }

    static double standardDeviation(List<String> values) {
        double mean = values.stream().mapToDouble(Double::parseDouble).average().orElseThrow();
        return Math.sqrt(values.stream().mapToDouble(v -> Math.pow(Double.parseDouble(v) - mean, 2)).average().orElseThrow());
    }
}
