package io.mlpipe.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.AwsJsonService;
import io.mlpipe.protocol.Json;
import io.mlpipe.sagemaker.common.Arns;
import io.mlpipe.sagemaker.common.AwsTime;
import io.mlpipe.sagemaker.common.Listing;
import io.mlpipe.sagemaker.common.Pages;
import io.mlpipe.sagemaker.common.RequestRules;
import io.mlpipe.sagemaker.common.ResourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs, StopTrainingJob. */
public final class TrainingJobs {
    private static final String S3_URI = "^(https|s3)://([^/]+)/?(.*)$";
    private static final String ROLE_ARN = "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$";

    private final ResourceStore jobs;
    private final TrainingJobRunner runner;
    private final Arns arns;
    private final Clock clock;

    public TrainingJobs(ResourceStore jobs, TrainingJobRunner runner, Arns arns, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateTrainingJob", this::create)
                .operation("DescribeTrainingJob", this::describe)
                .operation("ListTrainingJobs", this::list)
                .operation("StopTrainingJob", this::stop);
    }

    JsonNode create(JsonNode request) {
        RequestRules rules = RequestRules.of(request)
                .required("TrainingJobName", "AlgorithmSpecification", "RoleArn", "OutputDataConfig", "ResourceConfig",
                        "StoppingCondition")
                .name("TrainingJobName")
                .pattern("RoleArn", ROLE_ARN)
                .pattern("OutputDataConfig.S3OutputPath", S3_URI)
                .range("StoppingCondition.MaxRuntimeInSeconds", 1, Long.MAX_VALUE)
                .range("ResourceConfig.InstanceCount", 0, Long.MAX_VALUE);
        if (request.has("AlgorithmSpecification")) {
            rules.required("AlgorithmSpecification.TrainingInputMode")
                    .oneOf("AlgorithmSpecification.TrainingInputMode", List.of("Pipe", "File", "FastFile"));
        }
        if (request.has("OutputDataConfig")) {
            rules.required("OutputDataConfig.S3OutputPath");
        }
        if (request.has("ResourceConfig")) {
            rules.required("ResourceConfig.VolumeSizeInGB");
        }
        for (int i = 0; i < request.path("InputDataConfig").size(); i++) {
            String channel = "InputDataConfig." + i;
            rules.required(channel + ".ChannelName", channel + ".DataSource")
                    .pattern(channel + ".ChannelName", "[A-Za-z0-9\\.\\-_]+")
                    .pattern(channel + ".DataSource.S3DataSource.S3Uri", S3_URI);
        }
        rules.check();
        if (!request.path("AlgorithmSpecification").has("TrainingImage")
                && !request.path("AlgorithmSpecification").has("AlgorithmName")) {
            throw AwsError.validation("Either TrainingImage or AlgorithmName must be specified in AlgorithmSpecification");
        }
        String name = request.get("TrainingJobName").asText();
        String arn = arns.of("training-job", name);
        Instant now = clock.instant();
        ObjectNode job = Json.object();
        job.put("TrainingJobName", name);
        job.put("TrainingJobArn", arn);
        job.put("TrainingJobStatus", "InProgress");
        job.put("SecondaryStatus", "Starting");
        job.set("AlgorithmSpecification", request.get("AlgorithmSpecification"));
        job.put("RoleArn", request.get("RoleArn").asText());
        job.set("HyperParameters", request.has("HyperParameters") ? request.get("HyperParameters") : Json.object());
        job.set("InputDataConfig", withChannelDefaults(request.path("InputDataConfig")));
        job.set("OutputDataConfig", request.get("OutputDataConfig"));
        job.set("ResourceConfig", request.get("ResourceConfig"));
        job.set("StoppingCondition", request.get("StoppingCondition"));
        copyIfPresent(request, job, "VpcConfig", "CheckpointConfig", "DebugHookConfig", "Environment",
                "ExperimentConfig", "RetryStrategy");
        job.put("EnableNetworkIsolation", request.path("EnableNetworkIsolation").asBoolean(false));
        job.put("EnableInterContainerTrafficEncryption",
                request.path("EnableInterContainerTrafficEncryption").asBoolean(false));
        job.put("EnableManagedSpotTraining", request.path("EnableManagedSpotTraining").asBoolean(false));
        job.set("CreationTime", AwsTime.epoch(now));
        JobStatus.transition(job, "Starting", "Launching requested ML instances", now);
        if (!jobs.create(name, job)) {
            throw AwsError.client("ResourceInUse", "Training job names must be unique within an AWS account and region, "
                    + "and a training job with this name already exists (" + arn + ")");
        }
        runner.start(name);
        return Json.object().put("TrainingJobArn", arn);
    }

    private static JsonNode withChannelDefaults(JsonNode channels) {
        var out = Json.MAPPER.createArrayNode();
        for (JsonNode c : channels) {
            ObjectNode channel = c.deepCopy();
            if (channel.path("DataSource").get("S3DataSource") instanceof ObjectNode s3
                    && !s3.has("S3DataDistributionType")) {
                s3.put("S3DataDistributionType", "FullyReplicated");
            }
            if (!channel.has("CompressionType")) {
                channel.put("CompressionType", "None");
            }
            if (!channel.has("RecordWrapperType")) {
                channel.put("RecordWrapperType", "None");
            }
            out.add(channel);
        }
        return out;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("TrainingJobName").check();
        return find(request.get("TrainingJobName").asText());
    }

    private ObjectNode find(String name) {
        return jobs.get(name).orElseThrow(() -> AwsError.validation("Requested resource not found."));
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> selected = Listing.select(request, jobs.all(), "TrainingJobName", "TrainingJobStatus",
                Map.of("CreationTime", "CreationTime", "Name", "TrainingJobName", "Status", "TrainingJobStatus"),
                "CreationTime", "Ascending");
        List<ObjectNode> summaries = selected.stream().map(job -> Listing.summary(job, "TrainingJobName",
                "TrainingJobArn", "CreationTime", "TrainingEndTime", "LastModifiedTime", "TrainingJobStatus",
                "SecondaryStatus")).toList();
        return Pages.page(request, summaries, "TrainingJobSummaries");
    }

    JsonNode stop(JsonNode request) {
        RequestRules.of(request).required("TrainingJobName").check();
        String name = request.get("TrainingJobName").asText();
        ObjectNode job = find(name);
        String status = job.path("TrainingJobStatus").asText();
        if (!status.equals("InProgress")) {
            throw AwsError.validation("The request was rejected because the training job is in status " + status + ".");
        }
        jobs.update(name, j -> {
            j.put("TrainingJobStatus", "Stopping");
            JobStatus.transition(j, "Stopping", "Stopping the training job", clock.instant());
            return j;
        });
        runner.requestStop(name);
        return Json.object();
    }
}
