package io.mlpipe.sagemaker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channels in libsvm as well as CSV, read as the container reads them, and the metric names it reports. */
class ContainerConventionsTest {
    @TempDir
    Path dir;

    @Test
    void readsLibsvmWithAbsentFeaturesAsMissing() throws Exception {
        Path channel = Files.createDirectories(dir.resolve("train"));
        Files.writeString(channel.resolve("part-1"), "1 0:0.5 2:3\n0 1:2\n");
        ChannelData data = ChannelReader.read("train", channel, "text/libsvm");
        assertEquals(3, data.columns());
        assertArrayEquals(new float[] {1, 0}, data.labels());
        assertArrayEquals(new float[] {0.5f, Float.NaN, 3, Float.NaN, 2, Float.NaN}, data.features());
        ClientError e = assertThrows(ClientError.class, () -> {
            Files.writeString(channel.resolve("part-2"), "1 0:0.5 x:2\n");
            ChannelReader.read("train", channel, "text/libsvm");
        });
        assertEquals("ClientError: train channel, file part-2, row 1: 'x' is not a feature index", e.failureReason());
    }

    @Test
    void trainsOnLibsvmChannelsAndReportsTheContainersMetricNames() throws Exception {
        Random random = new Random(3);
        StringBuilder train = new StringBuilder();
        StringBuilder validation = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            double x0 = random.nextGaussian();
            double x1 = random.nextGaussian();
            String row = (x0 + x1 > 0 ? 1 : 0) + " 0:" + x0 + " 1:" + x1 + "\n";
            (i < 200 ? train : validation).append(row);
        }
        Files.writeString(Files.createDirectories(dir.resolve("in/train")).resolve("data.libsvm"), train);
        Files.writeString(Files.createDirectories(dir.resolve("in/validation")).resolve("data.libsvm"), validation);
        TrainingSpec spec = new TrainingSpec(
                Map.of("objective", "binary:logistic", "num_round", "10", "eval_metric", "error,auc"),
                Map.of("train", new TrainingSpec.Channel(dir.resolve("in/train").toString(), null),
                        "validation", new TrainingSpec.Channel(dir.resolve("in/validation").toString(), "text/libsvm")),
                dir.resolve("model/xgboost-model").toString(), dir.resolve("result.json").toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingResult result = new Trainer(new PrintStream(log, true)).train(spec);

        assertEquals(List.of("train:error", "train:auc", "validation:error", "validation:auc"),
                List.copyOf(result.metrics().keySet()));
        assertTrue(result.metrics().get("validation:auc") > 0.9, result.metrics().toString());
        assertEquals(10, result.rounds());
        assertTrue(Files.size(dir.resolve("model/xgboost-model")) > 0);
        assertTrue(log.toString().contains("[9]\ttrain-error:"), log.toString());
    }

    @Test
    void hyperparametersKeepTheContainersNamesAndChecks() throws Exception {
        Hyperparameters hp = Hyperparameters.parse(Map.of("num_round", "7", "objective", "multi:softprob",
                "num_class", "4", "max_depth", "3", "early_stopping_rounds", "2"));
        assertEquals(7, hp.numRound());
        assertEquals(2, hp.earlyStoppingRounds());
        assertEquals(List.of("mlogloss"), hp.evalMetrics());
        assertEquals(Map.of("objective", "multi:softprob", "num_class", "4", "max_depth", "3", "nthread", "1"),
                hp.xgboostParams());
        assertEquals("ClientError: Hyperparameter max_depth: value 'deep' is not an integer",
                assertThrows(ClientError.class, () -> Hyperparameters.parse(Map.of("num_round", "1", "max_depth", "deep")))
                        .failureReason());
        assertEquals("ClientError: Hyperparameter eval_metric: value 'accuracy' is not one of " + Hyperparameters.EVAL_METRICS,
                assertThrows(ClientError.class, () -> Hyperparameters.parse(Map.of("num_round", "1",
                        "eval_metric", "auc,accuracy"))).failureReason());
        Hyperparameters.parse(Map.of("num_round", "1", "eval_metric", "error@0.7,ndcg@5"));
    }

    @Test
    void readsTheContainersImageUris() {
        assertTrue(XgboostImages.isXgboost("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"));
        assertTrue(XgboostImages.isXgboost("451049120500.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.5-1"));
        assertTrue(XgboostImages.isXgboost("246785580436.dkr.ecr.us-gov-west-1.amazonaws.com/sagemaker-xgboost:3.0-5"));
        assertTrue(!XgboostImages.isXgboost("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1"));
        assertTrue(!XgboostImages.isXgboost("docker.io/library/xgboost:latest"));
    }
}
