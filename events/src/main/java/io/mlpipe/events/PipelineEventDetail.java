package io.mlpipe.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code detail} of an event the pipeline emits. {@code model}, {@code runId} and
 * {@code executionArn} are always present; the rest only where known (absent fields are left out
 * of the JSON). Numbers are JSON numbers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineEventDetail(
        String model,
        String runId,
        String executionArn,
        String modelVersion,
        String metricName,
        Double metricValue,
        Double championMetricValue,
        String reason,
        String error,
        String cause) {

    public PipelineEventDetail {
        if (model == null || runId == null || executionArn == null) {
            throw new IllegalArgumentException("model, runId and executionArn are required");
        }
    }
}
