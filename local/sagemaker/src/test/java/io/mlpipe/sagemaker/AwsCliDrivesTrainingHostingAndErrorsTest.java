package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import io.mlpipe.sagemaker.Datasets.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI v2 (Debian's, at /usr/bin/aws) against the local SageMaker: train, deploy, invoke, errors. */
class AwsCliDrivesTrainingHostingAndErrorsTest {
    private static final String AWS = "/usr/bin/aws";

    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(AWS)), "the AWS CLI v2 is needed: apt-get install -y awscli");
        fx = new LocalSageMakerFixture(dataDir, 0);
        fx.putObject("cli/train/train.csv", Datasets.generate(Problem.BINARY, 300, 11).csv());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out);
        }
    }

    private static Result aws(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS, "--endpoint-url", fx.endpoint.toString(), "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out), Files.readString(err));
    }

    @Test
    void trainsDeploysAndInvokesThroughTheCli(@TempDir Path work) throws Exception {
        Result created = aws(work, "sagemaker", "create-training-job", "--training-job-name", "cli-job",
                "--algorithm-specification", "TrainingImage=" + LocalSageMakerFixture.XGBOOST_IMAGE + ",TrainingInputMode=File",
                "--role-arn", LocalSageMakerFixture.ROLE,
                "--hyper-parameters", "objective=binary:logistic,num_round=10,eval_metric=auc",
                "--input-data-config", "[{\"ChannelName\":\"train\",\"ContentType\":\"text/csv\",\"DataSource\":"
                        + "{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"" + LocalSageMakerFixture.s3("cli/train/")
                        + "\"}}}]",
                "--output-data-config", "S3OutputPath=" + LocalSageMakerFixture.s3("models/cli/"),
                "--resource-config", "InstanceType=ml.m5.large,InstanceCount=1,VolumeSizeInGB=5",
                "--stopping-condition", "MaxRuntimeInSeconds=600");
        assertEquals(0, created.exit(), created.err());
        assertEquals("arn:aws:sagemaker:us-east-1:000000000000:training-job/cli-job",
                created.json().get("TrainingJobArn").asText());
        fx.awaitTrainingJob("cli-job");

        JsonNode job = aws(work, "sagemaker", "describe-training-job", "--training-job-name", "cli-job").json();
        assertEquals("Completed", job.get("TrainingJobStatus").asText());
        assertEquals("train:auc", job.at("/FinalMetricDataList/0/MetricName").asText());
        assertTrue(job.at("/FinalMetricDataList/0/Value").asDouble() > 0.8);
        assertTrue(job.get("TrainingEndTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), job.get("TrainingEndTime").asText());
        String artifact = job.at("/ModelArtifacts/S3ModelArtifacts").asText();

        assertEquals(0, aws(work, "sagemaker", "create-model", "--model-name", "cli-model", "--execution-role-arn",
                LocalSageMakerFixture.ROLE, "--primary-container",
                "Image=" + LocalSageMakerFixture.XGBOOST_IMAGE + ",ModelDataUrl=" + artifact).exit());
        assertEquals(0, aws(work, "sagemaker", "create-endpoint-config", "--endpoint-config-name", "cli-config",
                "--production-variants", "VariantName=AllTraffic,ModelName=cli-model,"
                        + "ServerlessConfig={MemorySizeInMB=2048,MaxConcurrency=5}").exit());
        assertEquals(0, aws(work, "sagemaker", "create-endpoint", "--endpoint-name", "cli-endpoint",
                "--endpoint-config-name", "cli-config").exit());
        fx.awaitEndpoint("cli-endpoint");
        assertEquals(0, aws(work, "sagemaker", "wait", "endpoint-in-service", "--endpoint-name", "cli-endpoint").exit());

        Files.writeString(work.resolve("rows.csv"), "2,-2,0,0,0\n-2,2,0,0,0\n", StandardCharsets.UTF_8);
        Result invoked = aws(work, "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", "cli-endpoint",
                "--content-type", "text/csv", "--body", "fileb://rows.csv", "answer.csv");
        assertEquals(0, invoked.exit(), invoked.err());
        assertEquals("text/csv", invoked.json().get("ContentType").asText());
        String[] answer = Files.readString(work.resolve("answer.csv")).split(",");
        assertEquals(2, answer.length);
        assertTrue(Double.parseDouble(answer[0]) > 0.5 && Double.parseDouble(answer[1]) < 0.5, String.join(",", answer));
    }

    @Test
    void reportsAwsErrorsAsTheCliExpects(@TempDir Path work) throws Exception {
        Result missing = aws(work, "sagemaker", "describe-training-job", "--training-job-name", "no-such-job");
        assertTrue(missing.exit() != 0);
        assertTrue(missing.err().contains("An error occurred (ValidationException) when calling the DescribeTrainingJob "
                + "operation: Requested resource not found."), missing.err());

        assertEquals(0, aws(work, "sagemaker", "create-model-package-group", "--model-package-group-name", "cli-group").exit());
        Result again = aws(work, "sagemaker", "create-model-package-group", "--model-package-group-name", "cli-group");
        assertTrue(again.err().contains("(ValidationException)") && again.err().contains("already exists"), again.err());
        JsonNode groups = aws(work, "sagemaker", "list-model-package-groups").json();
        assertEquals("cli-group", groups.at("/ModelPackageGroupSummaryList/0/ModelPackageGroupName").asText());

        Result runtime = aws(work, "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", "no-endpoint",
                "--content-type", "text/csv", "--body", "MSwy", "out.csv");
        assertTrue(runtime.err().contains("(ValidationError)") && runtime.err().contains("no-endpoint"), runtime.err());
    }
}
