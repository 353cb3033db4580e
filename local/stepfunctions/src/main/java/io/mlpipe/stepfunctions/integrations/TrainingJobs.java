package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;
import java.util.logging.Logger;

/**
 * {@code sagemaker:createTrainingJob.sync}: CreateTrainingJob, then DescribeTrainingJob until the job
 * ends. Completed: the task's result is the describe response. Failed or Stopped: the task fails with
 * States.TaskFailed and the describe response (with its FailureReason) as the cause, as the .sync
 * integration reports a job that did not complete. Abandoning the task (timeout, StopExecution) stops the job.
 * An execution resumed after a restart in the middle of this task attaches to the job it had created (see
 * {@link ResumedStates}): AWS never sends a submitted task twice.
 */
final class TrainingJobs {
    /**
     * Seconds between two DescribeTrainingJob calls (times the twin's wait scale). Local training takes
     * seconds, not the minutes a SageMaker instance needs to start, so poll often.
     */
    static final double POLL_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(TrainingJobs.class.getName());
    static final String RESOURCE_IN_USE = "SageMaker.ResourceInUseException";

    private final JsonServiceTasks services;
    private final ResumedStates resumed;

    TrainingJobs(JsonServiceTasks services, ResumedStates resumed) {
        this.services = services;
        this.resumed = resumed;
    }

    TaskResponse start(TaskRequest request) {
        JsonNode parameters = request.parameters();
        JsonNode name = Json.object().put("TrainingJobName", parameters.path("TrainingJobName").asText());
        JsonNode created;
        try {
            created = services.optimized(JsonApi.SAGEMAKER, "createTrainingJob", parameters);
        } catch (StatesError e) {
            String state = resumed.rerunState(request.executionArn());
            if (!e.error().equals(RESOURCE_IN_USE) || state == null) {
                throw e; // in an ordinary run a taken name is an error, as on AWS
            }
            LOG.info(request.executionArn() + " resumed at state '" + state + "': polling the training job "
                    + name.path("TrainingJobName").asText() + " it created before the restart");
            JsonNode job = services.optimized(JsonApi.SAGEMAKER, "describeTrainingJob", name);
            created = Json.object().put("TrainingJobArn", job.path("TrainingJobArn").asText());
        }
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
