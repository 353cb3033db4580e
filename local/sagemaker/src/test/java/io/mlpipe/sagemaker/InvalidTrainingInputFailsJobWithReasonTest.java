package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.sagemaker.Datasets.Problem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/** Bad data, hyperparameters or images fail the job (not the request) with a reason a person can act on. */
class InvalidTrainingInputFailsJobWithReasonTest {
    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0);
        String good = Datasets.generate(Problem.BINARY, 40, 1).csv();
        fx.putObject("bad/good/train.csv", good);
        // row 3 has a column too few; row 4 of the other file has text where a number belongs
        String[] lines = good.split("\n");
        lines[2] = lines[2].substring(0, lines[2].lastIndexOf(','));
        fx.putObject("bad/short-row/train.csv", String.join("\n", lines));
        lines = good.split("\n");
        lines[3] = lines[3].replaceFirst(",[^,]*", ",red");
        fx.putObject("bad/text/train.csv", String.join("\n", lines));
        fx.putObject("bad/label-range/train.csv", good.replaceFirst("^[01],", "7,"));
        fx.putObject("bad/header/train.csv", "target,a,b,c,d,e\n" + good);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "short-row|bad/short-row/||ClientError: train channel, file train.csv, row 3 has 5 columns, expected 6",
        "text-value|bad/text/||ClientError: train channel, file train.csv, row 4, column 2: 'red' is not a number",
        "label-range|bad/label-range/||needs labels in [0, 1]",
        "header-row|bad/header/||row 1, column 1: 'target' is not a number (a header row? the built-in algorithm reads CSV without one)",
        "unknown-objective|bad/good/|objective=binary:magic|ClientError: Hyperparameter objective: value 'binary:magic' is not one of",
        "missing-num-round|bad/good/|num_round=|ClientError: Missing required hyperparameter: num_round",
        "bad-eta|bad/good/|eta=3|ClientError: Hyperparameter eta: value 3 is not in range [0.0, 1.0]",
        "unknown-hyperparameter|bad/good/|learning_rate_typo=0.1|ClientError: Extraneous hyperparameter found: learning_rate_typo",
        "multi-without-num-class|bad/good/|objective=multi:softprob|ClientError: Hyperparameter num_class is required",
        "no-data|bad/nothing-here/||ClientError: Channel train: no objects found under s3://mlpipe-test/bad/nothing-here/",
        "no-bucket|s3://no-such-bucket/x/||ClientError: Channel train: bucket no-such-bucket does not exist",
        "unknown-image|bad/good/|image=123456789012.dkr.ecr.us-east-1.amazonaws.com/my-own:latest|ClientError: Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-own:latest is not the built-in XGBoost algorithm",
    })
    void failsWithReason(String name, String trainPrefix, String change, String reason) {
        Map<String, String> hyperParameters = new HashMap<>(Map.of("objective", "binary:logistic", "num_round", "3"));
        String image = LocalSageMakerFixture.XGBOOST_IMAGE;
        if (change != null) {
            String key = change.substring(0, change.indexOf('='));
            String value = change.substring(change.indexOf('=') + 1);
            if (key.equals("image")) {
                image = value;
            } else if (value.isEmpty()) {
                hyperParameters.remove(key);
            } else {
                hyperParameters.put(key, value);
            }
        }
        fx.api.createTrainingJob(TrainingJobsHelper.request("bad-" + name, image, hyperParameters, trainPrefix, null).build());
        DescribeTrainingJobResponse job = fx.awaitTrainingJob("bad-" + name);

        assertEquals(TrainingJobStatus.FAILED, job.trainingJobStatus());
        assertEquals("Failed", job.secondaryStatusAsString());
        assertTrue(job.failureReason().contains(reason), job.failureReason());
        assertNull(job.modelArtifacts());
        assertTrue(fx.sageMaker.trainingLog("bad-" + name).orElseThrow().contains(job.failureReason()));
    }
}
