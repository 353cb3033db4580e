package io.mlpipe.sagemaker.training;

import java.util.Map;

/**
 * What the training process reports back: the final metrics (the last round's, or the best round's with early
 * stopping) and the rounds trained; or the failure reason.
 */
public record TrainingResult(Map<String, Double> metrics, int rounds, String failureReason) {

    public static TrainingResult failed(String reason) {
        return new TrainingResult(Map.of(), 0, reason);
    }
}
