package io.mlpipe.sagemaker.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.sagemaker.common.AwsTime;
import java.time.Instant;

/**
 * A training job's status as DescribeTrainingJob shows it: TrainingJobStatus, SecondaryStatus and the
 * SecondaryStatusTransitions, each closed (EndTime) when the next one starts.
 */
final class JobStatus {
    private JobStatus() {
    }

    static void transition(ObjectNode job, String secondaryStatus, String message, Instant now) {
        ArrayNode transitions = job.withArray("SecondaryStatusTransitions");
        if (!transitions.isEmpty()) {
            ObjectNode previous = (ObjectNode) transitions.get(transitions.size() - 1);
            if (!previous.has("EndTime")) {
                previous.set("EndTime", AwsTime.epoch(now));
            }
        }
        ObjectNode t = transitions.addObject();
        t.put("Status", secondaryStatus);
        t.set("StartTime", AwsTime.epoch(now));
        t.put("StatusMessage", message);
        job.put("SecondaryStatus", secondaryStatus);
        job.set("LastModifiedTime", AwsTime.epoch(now));
    }

    /** Ends the job: the final transition is closed at once, as AWS shows finished jobs. */
    static void finish(ObjectNode job, String status, String secondaryStatus, String message, Instant now) {
        transition(job, secondaryStatus, message, now);
        ArrayNode transitions = job.withArray("SecondaryStatusTransitions");
        ((ObjectNode) transitions.get(transitions.size() - 1)).set("EndTime", AwsTime.epoch(now));
        job.put("TrainingJobStatus", status);
        job.set("TrainingEndTime", AwsTime.epoch(now));
        if (job.has("TrainingStartTime")) {
            long seconds = Math.max(1, (long) Math.ceil(
                    (now.toEpochMilli() - AwsTime.instant(job.get("TrainingStartTime")).toEpochMilli()) / 1000.0));
            job.put("TrainingTimeInSeconds", seconds);
            job.put("BillableTimeInSeconds", seconds * Math.max(1, job.path("ResourceConfig").path("InstanceCount").asLong(1)));
        }
    }

    static boolean isRunning(ObjectNode job) {
        String status = job.path("TrainingJobStatus").asText();
        return status.equals("InProgress") || status.equals("Stopping");
    }
}
