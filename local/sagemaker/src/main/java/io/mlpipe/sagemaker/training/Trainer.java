package io.mlpipe.sagemaker.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains as the built-in XGBoost container does: reads the {@code train} (and optional {@code validation})
 * channel, evaluates both every round, stops early on the validation set's last metric when asked, saves
 * {@code xgboost-model} in XGBoost's own format. Runs inside the training process, never in the twin.
 */
public final class Trainer {
    private final PrintStream log;

    public Trainer(PrintStream log) {
        this.log = log;
    }

    public TrainingResult train(TrainingSpec spec) throws ClientError, IOException, XGBoostError {
        Hyperparameters hp = Hyperparameters.parse(spec.hyperParameters());
        TrainingSpec.Channel trainChannel = spec.channels().get("train");
        if (trainChannel == null) {
            throw new ClientError("Channel 'train' is required; found channels " + spec.channels().keySet());
        }
        ChannelData train = ChannelReader.read("train", Path.of(trainChannel.dir()), trainChannel.contentType());
        ChannelData validation = null;
        TrainingSpec.Channel validationChannel = spec.channels().get("validation");
        if (validationChannel != null) {
            validation = ChannelReader.read("validation", Path.of(validationChannel.dir()), validationChannel.contentType());
            int width = Math.max(train.columns(), validation.columns());
            boolean csv = validationChannel.contentType() != null && validationChannel.contentType().contains("csv");
            if (csv && validation.columns() != train.columns()) {
                throw new ClientError("The validation channel has " + (validation.columns() + 1)
                        + " columns but the train channel has " + (train.columns() + 1));
            }
            train = train.widen(width);
            validation = validation.widen(width);
        }
        if (hp.earlyStoppingRounds() > 0 && validation == null) {
            throw new ClientError("early_stopping_rounds needs a validation channel");
        }
        checkLabels(hp, train);
        if (validation != null) {
            checkLabels(hp, validation);
        }
        log.printf("Train matrix has %d rows and %d columns%n", train.rows(), train.columns());
        if (validation != null) {
            log.printf("Validation matrix has %d rows%n", validation.rows());
        }

        DMatrix dtrain = train.toDMatrix();
        List<DMatrix> mats = new ArrayList<>(List.of(dtrain));
        List<String> names = new ArrayList<>(List.of("train"));
        if (validation != null) {
            mats.add(validation.toDMatrix());
            names.add("validation");
        }
        Map<String, Object> params = new HashMap<>(hp.xgboostParams());
        params.remove("eval_metric");
        // zero rounds: XGBoost4J only creates the booster; the rounds run below so each one's metrics are seen
        Booster booster = XGBoost.train(dtrain, params, 0, new HashMap<>(), null, null);
        for (String metric : hp.evalMetrics()) {
            booster.setParam("eval_metric", metric); // each call adds one metric, as Python's list does
        }

        String watched = names.get(names.size() - 1) + ":" + hp.evalMetrics().get(hp.evalMetrics().size() - 1);
        boolean maximize = RoundMetrics.maximize(watched);
        Map<String, Double> last = Map.of();
        Map<String, Double> best = null;
        String bestLine = null;
        int bestIteration = -1;
        int rounds = 0;
        DMatrix[] evalMats = mats.toArray(new DMatrix[0]);
        String[] evalNames = names.toArray(new String[0]);
        for (int iter = 0; iter < hp.numRound(); iter++) {
            booster.update(dtrain, iter);
            rounds++;
            String line = booster.evalSet(evalMats, evalNames, iter);
            log.println(line);
            last = RoundMetrics.parse(line, names);
            if (hp.earlyStoppingRounds() > 0) {
                Double value = last.get(watched);
                if (best == null || (maximize ? value > best.get(watched) : value < best.get(watched))) {
                    best = last;
                    bestLine = line;
                    bestIteration = iter;
                } else if (iter - bestIteration >= hp.earlyStoppingRounds()) {
                    log.printf("Stopping. Best iteration:%n%s%n", bestLine);
                    break;
                }
            }
        }
        Map<String, Double> reported = new LinkedHashMap<>(best != null ? best : last);
        if (bestIteration >= 0) {
            booster.setAttr("best_iteration", String.valueOf(bestIteration));
            booster.setAttr("best_score", String.valueOf(best.get(watched)));
        }
        Path model = Path.of(spec.modelFile());
        Files.createDirectories(model.getParent());
        Files.write(model, booster.toByteArray(Booster.DEFAULT_FORMAT));
        for (DMatrix m : mats) {
            m.dispose();
        }
        booster.dispose();
        return new TrainingResult(reported, rounds, bestIteration >= 0 ? bestIteration : null, null);
    }

    /** The label checks XGBoost would otherwise make with a less helpful message. */
    private static void checkLabels(Hyperparameters hp, ChannelData data) throws ClientError {
        float[] labels = data.labels();
        for (int r = 0; r < labels.length; r++) {
            float y = labels[r];
            if (hp.objective().equals("binary:logistic") && (y < 0 || y > 1)) {
                throw new ClientError("The " + data.channel() + " channel's label in row " + (r + 1) + " is " + y
                        + "; objective binary:logistic needs labels in [0, 1]");
            }
            if (hp.objective().startsWith("multi:") && (y < 0 || y >= hp.numClass() || y != Math.rint(y))) {
                throw new ClientError("The " + data.channel() + " channel's label in row " + (r + 1) + " is " + y
                        + "; objective " + hp.objective() + " with num_class " + hp.numClass()
                        + " needs integer labels in [0, " + (hp.numClass() - 1) + "]");
            }
        }
    }
}
