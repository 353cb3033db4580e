package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.sagemaker.Datasets.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * A new local SageMaker on the same data folder has every resource back: endpoints serve again, packages
 * and models are there; a job that was training when the process stopped is trained again and completes.
 */
class RestartKeepsEverythingTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartLosesNothing() throws Exception {
        String artifact;
        DescribeTrainingJobResponse interrupted;
        try (LocalSageMakerFixture before = new LocalSageMakerFixture(dataDir, 0)) {
            artifact = TestModels.uploadConstantModel(before, "restart/model.tar.gz", 2);
            TestModels.modelAndConfig(before, "kept", artifact, true);
            before.api.createEndpoint(b -> b.endpointName("kept").endpointConfigName("kept"));
            before.awaitEndpoint("kept");
            before.api.createModelPackageGroup(b -> b.modelPackageGroupName("kept-group"));
            before.api.createModelPackage(b -> b.modelPackageGroupName("kept-group"));
            before.putObject("restart/train/train.csv", Datasets.generate(Problem.BINARY, 2000, 5).csv());
            before.api.createTrainingJob(TrainingJobsHelper.request("interrupted", LocalSageMakerFixture.XGBOOST_IMAGE,
                    Map.of("objective", "binary:logistic", "num_round", "200"), "restart/train/", null).build());
            // closed as soon as training begins: the child JVM has not even loaded XGBoost yet
            interrupted = LocalSageMakerFixture.await(() -> before.api.describeTrainingJob(b -> b.trainingJobName("interrupted")),
                    j -> j.secondaryStatusAsString().equals("Training"), Duration.ofSeconds(30));
        }

        try (LocalSageMakerFixture after = new LocalSageMakerFixture(dataDir, 0)) {
            assertEquals(EndpointStatus.IN_SERVICE, after.awaitEndpoint("kept").endpointStatus());
            String body = LocalSageMakerFixture.await(() -> {
                try {
                    return after.runtime.invokeEndpoint(b -> b.endpointName("kept").contentType("text/csv")
                            .body(SdkBytes.fromString("1,2,3,4,5", StandardCharsets.UTF_8))).body().asUtf8String();
                } catch (RuntimeException e) {
                    return null; // redeploying after the restart
                }
            }, b -> b != null, Duration.ofSeconds(10));
            assertEquals(2, Math.round(Double.parseDouble(body)));
            assertEquals(artifact, after.api.describeModel(b -> b.modelName("kept")).primaryContainer().modelDataUrl());
            assertEquals(1, after.api.listModelPackages(b -> b.modelPackageGroupName("kept-group"))
                    .modelPackageSummaryList().size());
            String second = after.api.createModelPackage(b -> b.modelPackageGroupName("kept-group")).modelPackageArn();
            assertTrue(second.endsWith("/kept-group/2"), second);

            DescribeTrainingJobResponse job = after.awaitTrainingJob("interrupted");
            assertEquals(TrainingJobStatus.COMPLETED, job.trainingJobStatus(), job.failureReason());
            assertEquals(interrupted.trainingJobArn(), job.trainingJobArn());
            assertEquals(interrupted.creationTime(), job.creationTime());
            assertTrue(job.secondaryStatusTransitions().stream()
                    .anyMatch(t -> t.statusMessage().equals("Restarted after the local SageMaker stopped")),
                    job.secondaryStatusTransitions().toString());
            assertTrue(job.modelArtifacts().s3ModelArtifacts().endsWith("/interrupted/output/model.tar.gz"));
        }
    }
}
