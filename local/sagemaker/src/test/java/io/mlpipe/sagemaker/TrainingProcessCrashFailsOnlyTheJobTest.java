package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.sagemaker.Datasets.Problem;
import io.mlpipe.sagemaker.training.TrainerMain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * When the training process dies (here: it cannot even load XGBoost), the job fails with what the process
 * printed last, and the local SageMaker goes on answering.
 */
class TrainingProcessCrashFailsOnlyTheJobTest {
    @TempDir
    Path dataDir;

    @Test
    void aDeadTrainingProcessFailsTheJobNotTheService() throws Exception {
        String onlyOurClasses = Path.of(TrainerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        try (LocalSageMakerFixture fx = new LocalSageMakerFixture(dataDir, 0, onlyOurClasses)) {
            fx.putObject("crash/train/train.csv", Datasets.generate(Problem.BINARY, 50, 1).csv());
            fx.api.createTrainingJob(TrainingJobsHelper.request("crash", LocalSageMakerFixture.XGBOOST_IMAGE,
                    Map.of("num_round", "2"), "crash/train/", null).build());
            DescribeTrainingJobResponse job = fx.awaitTrainingJob("crash");

            assertEquals(TrainingJobStatus.FAILED, job.trainingJobStatus());
            assertTrue(job.failureReason().startsWith("AlgorithmError: the training process ended with exit code 1: "),
                    job.failureReason());
            assertTrue(job.failureReason().contains("NoClassDefFoundError"), job.failureReason());
            assertEquals(0, fx.api.listEndpoints(b -> b.maxResults(5)).endpoints().size());
        }
    }
}
