package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.sagemaker.Datasets.Data;
import io.mlpipe.sagemaker.Datasets.Problem;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.sagemaker.objects.S3Uri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantInstanceType;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * Real training on seeded data with a signal: each problem type trains in the child process, reports the
 * container's metric names with sane values, and its artifact loads back, both here and behind an endpoint,
 * predicting exactly what the reported validation metric was computed from.
 */
class TrainingProducesSaneModelsTest {
    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void binaryClassifierHasAucAbovePointEightAndServesTheSamePredictions() throws Exception {
        Data validation = Datasets.generate(Problem.BINARY, 200, 2);
        DescribeTrainingJobResponse job = train("binary", Problem.BINARY, validation,
                Map.of("objective", "binary:logistic", "eval_metric", "auc,logloss", "num_round", "30", "max_depth", "3"));

        Map<String, Double> metrics = metrics(job);
        assertEquals(List.of("train:auc", "train:logloss", "validation:auc", "validation:logloss"),
                metrics.keySet().stream().sorted().toList());
        assertTrue(metrics.get("validation:auc") > 0.8, "validation AUC " + metrics);

        float[] predictions = column(loadArtifact(job).predict(matrix(validation)));
        assertEquals(metrics.get("validation:auc"), auc(predictions, validation.labels()), 1e-4);
        assertArrayEquals(predictions, column(invoke("binary", job, validation)));
    }

    @Test
    void multiclassClassifierHasLowErrorAndAnswersOneProbabilityPerClass() throws Exception {
        Data validation = Datasets.generate(Problem.MULTICLASS, 200, 4);
        DescribeTrainingJobResponse job = train("multi", Problem.MULTICLASS, validation,
                Map.of("objective", "multi:softprob", "num_class", "3", "eval_metric", "merror", "num_round", "20"));

        Map<String, Double> metrics = metrics(job);
        assertTrue(metrics.get("validation:merror") < 0.25, "merror " + metrics);

        float[][] predictions = loadArtifact(job).predict(matrix(validation));
        assertEquals(3, predictions[0].length);
        int wrong = 0;
        for (int r = 0; r < predictions.length; r++) {
            wrong += argmax(predictions[r]) == (int) validation.labels()[r] ? 0 : 1;
        }
        assertEquals(metrics.get("validation:merror"), wrong / (double) predictions.length, 1e-6);
        float[][] served = invoke("multi", job, validation);
        for (int r = 0; r < predictions.length; r++) {
            assertArrayEquals(predictions[r], served[r]);
        }
    }

    @Test
    void regressorHasLowRmseAndRecordsEachStageOfTheJob() throws Exception {
        Data validation = Datasets.generate(Problem.REGRESSION, 200, 6);
        DescribeTrainingJobResponse job = train("regression", Problem.REGRESSION, validation,
                Map.of("objective", "reg:squarederror", "num_round", "40", "eta", "0.2"));

        Map<String, Double> metrics = metrics(job);
        assertEquals(List.of("train:rmse", "validation:rmse"), metrics.keySet().stream().sorted().toList());
        assertTrue(metrics.get("validation:rmse") < 1.2, "rmse " + metrics);
        float[] predictions = column(loadArtifact(job).predict(matrix(validation)));
        double squared = 0;
        for (int r = 0; r < predictions.length; r++) {
            squared += Math.pow(predictions[r] - validation.labels()[r], 2);
        }
        assertEquals(metrics.get("validation:rmse"), Math.sqrt(squared / predictions.length), 1e-4);

        assertEquals(List.of("Starting", "Downloading", "Training", "Uploading", "Completed"),
                job.secondaryStatusTransitions().stream().map(SecondaryStatusTransition::statusAsString).toList());
        for (SecondaryStatusTransition t : job.secondaryStatusTransitions()) {
            assertNotNull(t.startTime());
            assertNotNull(t.endTime(), t.statusAsString());
            assertNotNull(t.statusMessage());
        }
        assertEquals("Completed", job.secondaryStatusAsString());
        assertTrue(job.billableTimeInSeconds() >= 1);
        assertNotNull(job.trainingStartTime());
        assertTrue(!job.trainingEndTime().isBefore(job.trainingStartTime()));
        assertEquals("40", job.hyperParameters().get("num_round"));
        assertTrue(fx.sageMaker.trainingLog(job.trainingJobName()).orElseThrow().contains("validation-rmse"));
    }

    @Test
    void earlyStoppingReportsTheBestRound() throws Exception {
        Data validation = Datasets.generate(Problem.BINARY, 200, 8);
        DescribeTrainingJobResponse job = train("early", Problem.BINARY, validation,
                Map.of("objective", "binary:logistic", "eval_metric", "auc", "num_round", "300", "eta", "0.5",
                        "early_stopping_rounds", "5"));
        String log = fx.sageMaker.trainingLog(job.trainingJobName()).orElseThrow();
        assertTrue(log.contains("Stopping. Best iteration"), log);
        double best = log.lines().filter(l -> l.startsWith("["))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(':') + 1))).max().orElseThrow();
        assertEquals(best, metrics(job).get("validation:auc"), 1e-6); // MetricData.Value is a float
    }

    private static DescribeTrainingJobResponse train(String name, Problem problem, Data validation,
                                                     Map<String, String> hyperParameters) {
        fx.putObject("data/" + name + "/train/train.csv", Datasets.generate(problem, 600, 1).csv());
        fx.putObject("data/" + name + "/validation/validation.csv", validation.csv());
        fx.api.createTrainingJob(TrainingJobsHelper.request("sane-" + name, LocalSageMakerFixture.XGBOOST_IMAGE,
                hyperParameters, "data/" + name + "/train/", "data/" + name + "/validation/").build());
        DescribeTrainingJobResponse job = fx.awaitTrainingJob("sane-" + name);
        assertEquals(TrainingJobStatus.COMPLETED, job.trainingJobStatus(),
                job.failureReason() + "\n" + fx.sageMaker.trainingLog("sane-" + name).orElse(""));
        assertEquals(LocalSageMakerFixture.s3("models/test/sane-" + name + "/output/model.tar.gz"),
                job.modelArtifacts().s3ModelArtifacts());
        return job;
    }

    private static Map<String, Double> metrics(DescribeTrainingJobResponse job) {
        job.finalMetricDataList().forEach(m -> assertNotNull(m.timestamp()));
        return job.finalMetricDataList().stream()
                .collect(Collectors.toMap(MetricData::metricName, m -> (double) m.value()));
    }

    private static Booster loadArtifact(DescribeTrainingJobResponse job) throws Exception {
        S3Uri uri = S3Uri.parse(job.modelArtifacts().s3ModelArtifacts());
        byte[] tar = fx.s3.getObjectAsBytes(b -> b.bucket(uri.bucket()).key(uri.key())).asByteArray();
        Map<String, byte[]> files = TarGz.read(new java.io.ByteArrayInputStream(tar));
        assertEquals(List.of("xgboost-model"), List.copyOf(files.keySet()));
        return XGBoost.loadModel(files.get("xgboost-model"));
    }

    private static DMatrix matrix(Data data) throws Exception {
        return new DMatrix(data.featureMatrix(), data.labels().length, Datasets.FEATURES, Float.NaN);
    }

    /** Deploys the job's artifact and invokes it with the validation features as text/csv. */
    private static float[][] invoke(String name, DescribeTrainingJobResponse job, Data data) {
        fx.api.createModel(b -> b.modelName(name).executionRoleArn(LocalSageMakerFixture.ROLE)
                .primaryContainer(c -> c.image(LocalSageMakerFixture.XGBOOST_IMAGE)
                        .modelDataUrl(job.modelArtifacts().s3ModelArtifacts())));
        fx.api.createEndpointConfig(b -> b.endpointConfigName(name).productionVariants(v -> v.variantName("AllTraffic")
                .modelName(name).initialInstanceCount(1).instanceType(ProductionVariantInstanceType.ML_M5_LARGE)));
        fx.api.createEndpoint(b -> b.endpointName(name).endpointConfigName(name));
        assertEquals("InService", fx.awaitEndpoint(name).endpointStatusAsString());
        String body = fx.runtime.invokeEndpoint(b -> b.endpointName(name).contentType("text/csv")
                .body(SdkBytes.fromString(data.featuresCsv(), StandardCharsets.UTF_8))).body().asUtf8String();
        return ContainerCsv.parse(body);
    }

    private static float[] column(float[][] rows) {
        float[] out = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            assertEquals(1, rows[r].length);
            out[r] = rows[r][0];
        }
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    /** Area under the ROC curve by ranks (ties averaged), as XGBoost computes it. */
    private static double auc(float[] scores, double[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        double[] ranks = new double[scores.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                positives++;
                rankSum += ranks[i];
            }
        }
        double negatives = labels.length - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
