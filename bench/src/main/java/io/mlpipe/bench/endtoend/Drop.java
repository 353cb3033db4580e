package io.mlpipe.bench.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One data drop measured from upload to first prediction. Instants from the benchmark's clock (upload,
 * InService seen, prediction answered) and from the twin's (execution start and stop, the endpoint's last
 * change), the same machine's clock.
 *
 * @param label          the drop's column: "10k rows", "first drop, 1k rows"
 * @param trainingJob    the state that ran the training job and how long the job spent in each secondary
 *                       status (Starting, Downloading, Training, Uploading), from DescribeTrainingJob
 * @param endpointChanged when the endpoint last changed status (DescribeEndpoint's LastModifiedTime: went
 *                        InService), null when not reported
 */
record Drop(String label, int rows, long bytes, Instant uploadStarted, Instant uploaded,
            Instant executionStarted, Instant executionStopped, Instant endpointChanged, Instant inServiceSeenAt,
            Instant predicted, int predictAttempts, StateTimes states, TrainingJob trainingJob) {

    record TrainingJob(String state, Map<String, Duration> stages) {
    }

    Duration total() {
        return Duration.between(uploadStarted, predicted);
    }

    Duration upload() {
        return Duration.between(uploadStarted, uploaded);
    }

    /** S3 notification → EventBridge rule → StartExecution. */
    Duration eventToStart() {
        return Duration.between(uploaded, executionStarted);
    }

    Duration execution() {
        return Duration.between(executionStarted, executionStopped);
    }

    /** The engine's own time between one state's exit and the next one's entry. */
    Duration betweenStates() {
        return execution().minus(states.inStates());
    }

    /** From SUCCEEDED to the client's DescribeEndpoint seeing InService (the client's polling of the execution). */
    Duration inServiceSeen() {
        return Duration.between(executionStopped, inServiceSeenAt);
    }

    /** POST /models/{model}/predict until answered 200 (the inference Lambda's and the endpoint's first call). */
    Duration firstPrediction() {
        return Duration.between(inServiceSeenAt, predicted);
    }

    /** From the endpoint going InService to the execution ending: the deploy wait loop noticing it, and what follows. */
    Duration inServiceToSucceeded() {
        return endpointChanged == null ? null : Duration.between(endpointChanged, executionStopped);
    }
}
