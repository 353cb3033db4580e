package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.TaskResponse;

/**
 * {@code sagemaker:createTrainingJob.sync}: CreateTrainingJob, then DescribeTrainingJob until the job
 * ends. Completed: the task's result is the describe response. Failed or Stopped: the task fails with
 * States.TaskFailed and the describe response (with its FailureReason) as the cause, as the .sync
 * integration reports a job that did not complete. Abandoning the task (timeout, StopExecution) stops the job.
 */
final class TrainingJobs {
    /**
     * Seconds between two DescribeTrainingJob calls (times the twin's wait scale). Local training takes
     * seconds, not the minutes a SageMaker instance needs to start, so poll often.
     */
    static final double POLL_SECONDS = 5;

    private final JsonServiceTasks services;

    TrainingJobs(JsonServiceTasks services) {
        this.services = services;
    }

    TaskResponse start(JsonNode parameters) {
        JsonNode created = services.optimized(JsonApi.SAGEMAKER, "createTrainingJob", parameters);
        JsonNode name = Json.object().put("TrainingJobName", parameters.path("TrainingJobName").asText());
        return new TaskResponse.Job(created, new JobPoller() {
            @Override
            public JsonNode poll() {
                JsonNode job = services.optimized(JsonApi.SAGEMAKER, "describeTrainingJob", name);
                return switch (job.path("TrainingJobStatus").asText()) {
                    case "Completed" -> job;
                    case "Failed", "Stopped" -> throw new StatesError(ErrorNames.TASK_FAILED, Json.write(job));
                    default -> null;
                };
            }

            @Override
            public void cancel() {
                try {
                    services.optimized(JsonApi.SAGEMAKER, "stopTrainingJob", name);
                } catch (StatesError e) {
                    // the job had already ended: nothing to stop
                }
            }
        }, POLL_SECONDS);
    }
}
