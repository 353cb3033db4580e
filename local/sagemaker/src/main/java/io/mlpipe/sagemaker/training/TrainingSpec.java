package io.mlpipe.sagemaker.training;

import java.util.Map;

/**
 * What the parent hands the training process (as JSON in the job's work folder): the hyperparameters and
 * where each downloaded channel is, with its content type; and where to put the model and the result.
 */
public record TrainingSpec(Map<String, String> hyperParameters, Map<String, Channel> channels, String modelFile,
                           String resultFile) {

    public record Channel(String dir, String contentType) {
    }
}
