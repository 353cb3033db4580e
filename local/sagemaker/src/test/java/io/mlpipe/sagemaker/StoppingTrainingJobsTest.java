package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.sagemaker.Datasets.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/** MaxRuntimeInSeconds ends a job that runs too long; StopTrainingJob ends one on request. */
class StoppingTrainingJobsTest {
    /** Far more rounds than a second allows. */
    private static final Map<String, String> ENDLESS = Map.of("objective", "binary:logistic", "num_round", "100000000",
            "max_depth", "8");

    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0);
        fx.putObject("stop/train/train.csv", Datasets.generate(Problem.BINARY, 2000, 3).csv());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void maxRuntimeStopsTheJob() {
        long started = System.nanoTime();
        fx.api.createTrainingJob(TrainingJobsHelper.request("too-long", LocalSageMakerFixture.XGBOOST_IMAGE, ENDLESS,
                "stop/train/", null).stoppingCondition(s -> s.maxRuntimeInSeconds(2)).build());
        DescribeTrainingJobResponse job = fx.awaitTrainingJob("too-long");

        assertEquals(TrainingJobStatus.STOPPED, job.trainingJobStatus());
        assertEquals("MaxRuntimeExceeded", job.secondaryStatusAsString());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15);
        assertTrue(fx.sageMaker.trainingLog("too-long").orElseThrow().contains("exceeded MaxRuntimeInSeconds"));
    }

    @Test
    void stopTrainingJobStopsARunningJob() {
        fx.api.createTrainingJob(TrainingJobsHelper.request("stop-me", LocalSageMakerFixture.XGBOOST_IMAGE, ENDLESS,
                "stop/train/", null).build());
        LocalSageMakerFixture.await(() -> fx.api.describeTrainingJob(b -> b.trainingJobName("stop-me")),
                j -> j.secondaryStatusAsString().equals("Training"), Duration.ofSeconds(30));
        fx.api.stopTrainingJob(b -> b.trainingJobName("stop-me"));
        DescribeTrainingJobResponse job = fx.awaitTrainingJob("stop-me");

        assertEquals(TrainingJobStatus.STOPPED, job.trainingJobStatus());
        assertEquals("Stopped", job.secondaryStatusAsString());
        SageMakerException again = assertThrows(SageMakerException.class,
                () -> fx.api.stopTrainingJob(b -> b.trainingJobName("stop-me")));
        assertEquals("ValidationException", again.awsErrorDetails().errorCode());
    }
}
