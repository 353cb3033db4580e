package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Tasks on the local SageMaker: the .sync training job, the optimized and the aws-sdk integrations' errors. */
class SageMakerIntegrationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());

    private JsonNode runToSuccess(String states, String input) throws Exception {
        String arn = Machines.start(sfn, Machines.create(sfn, "sagemaker", "{\"StartAt\":\"T\",\"States\":{" + states + "}}"), input);
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn, Duration.ofSeconds(60));
        assertEquals(ExecutionStatus.SUCCEEDED, d.status(), () -> Machines.explain(sfn, arn));
        return JSON.readTree(d.output());
    }

    private static String trainingJob(String resource, String image) {
        return "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sagemaker:" + resource + "\",\"Parameters\":{"
                + "\"TrainingJobName.$\":\"$.name\",\"RoleArn\":\"arn:aws:iam::000000000000:role/sm\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"" + image + "\",\"TrainingInputMode\":\"File\"},"
                + "\"InputDataConfig\":[{\"ChannelName\":\"train\",\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\","
                + "\"S3Uri\":\"s3://sfn-test-drops/train/\"}}}],"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://sfn-test-drops/models/\"},"
                + "\"ResourceConfig\":{\"InstanceCount\":1,\"InstanceType\":\"ml.m5.large\",\"VolumeSizeInGB\":10},"
                + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":600}},"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.failure\",\"Next\":\"Done\"}],\"Next\":\"Done\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}";
    }

    @Test
    void aTrainingJobThatFailsFailsTheSyncTaskWithTheDescribeResponseAsCause() throws Exception {
        String name = Machines.unique("job");
        JsonNode out = runToSuccess(trainingJob("createTrainingJob.sync", "example.com/not-xgboost:1"), "{\"name\":\"" + name + "\"}");
        assertEquals("States.TaskFailed", out.path("failure").path("Error").asText(), out.toString());
        JsonNode job = JSON.readTree(out.path("failure").path("Cause").asText());
        assertEquals(name, job.path("TrainingJobName").asText());
        assertEquals("Failed", job.path("TrainingJobStatus").asText());
        assertFalse(job.path("FailureReason").asText().isEmpty(), job.toString());
    }

    @Test
    void optimizedSageMakerErrorsAreNamedAfterTheSdksExceptionsAndAwsSdkOnesAfterTheirCode() throws Exception {
        String create = "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sagemaker:createTrainingJob\",\"Parameters\":{"
                + "\"TrainingJobName.$\":\"$.name\",\"RoleArn\":\"arn:aws:iam::000000000000:role/sm\","
                + "\"AlgorithmSpecification\":{\"TrainingImage\":\"example.com/not-xgboost:1\",\"TrainingInputMode\":\"File\"},"
                + "\"OutputDataConfig\":{\"S3OutputPath\":\"s3://sfn-test-drops/models/\"},"
                + "\"ResourceConfig\":{\"InstanceCount\":1,\"InstanceType\":\"ml.m5.large\",\"VolumeSizeInGB\":10},"
                + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":600}}";
        String states = "\"T\":{" + create + ",\"ResultPath\":\"$.created\",\"Next\":\"Again\"},"
                // the same job name twice: SageMaker's ResourceInUse, which its SDK models as ResourceInUseException
                + "\"Again\":{" + create + ",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.duplicate\","
                + "\"Next\":\"Describe\"}],\"Next\":\"Describe\"},"
                + "\"Describe\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sagemaker:describeEndpoint\","
                + "\"Parameters\":{\"EndpointName\":\"no-such-endpoint\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.missing\",\"Next\":\"Invalid\"}],\"Next\":\"Invalid\"},"
                // a ValidationException is not modeled by SageMaker's SDK: the generic AmazonSageMakerException
                + "\"Invalid\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sagemaker:createModel\",\"Parameters\":{},"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.invalid\",\"Next\":\"Done\"}],\"Next\":\"Done\"},"
                + "\"Done\":{\"Type\":\"Succeed\"}";
        JsonNode out = runToSuccess(states, "{\"name\":\"" + Machines.unique("dup") + "\"}");
        assertTrue(out.path("created").has("TrainingJobArn"), out.toString());
        assertEquals("SageMaker.ResourceInUseException", out.path("duplicate").path("Error").asText(), out.toString());
        String missing = out.path("missing").path("Error").asText();
        assertTrue(missing.startsWith("SageMaker.") && missing.endsWith("Exception"), missing);
        assertTrue(out.path("missing").path("Cause").asText().contains("Service: SageMaker"), out.toString());
        assertEquals("SageMaker.AmazonSageMakerException", out.path("invalid").path("Error").asText(), out.toString());
    }

    @Test
    void awsSdkSageMakerListsWhatTheApiLists() throws Exception {
        JsonNode out = runToSuccess("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sagemaker:listModelPackageGroups\","
                + "\"Parameters\":{\"MaxResults\":10},\"End\":true}", "{}");
        assertTrue(out.has("ModelPackageGroupSummaryList"), out.toString());
    }
}
