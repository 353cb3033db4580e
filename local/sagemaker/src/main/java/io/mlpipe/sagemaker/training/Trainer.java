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

    /** The evaluation sets, in XGBoost's order: {@code train}, then {@code validation} if given. */
    private record EvalSets(List<ChannelData> data, List<String> names) {
    }

    public TrainingResult train(TrainingSpec spec) throws ClientError, IOException, XGBoostError {
        Hyperparameters hp = Hyperparameters.parse(spec.hyperParameters());
        EvalSets sets = readChannels(spec, hp);
        List<DMatrix> mats = new ArrayList<>();
        for (ChannelData data : sets.data()) {
            mats.add(data.toDMatrix());
        }
        Map<String, Object> params = new HashMap<>(hp.xgboostParams());
        params.remove("eval_metric");
        // zero rounds: XGBoost4J only creates the booster; the rounds run below so each one's metrics are seen
        Booster booster = XGBoost.train(mats.get(0), params, 0, new HashMap<>(), null, null);
        for (String metric : hp.evalMetrics()) {
            booster.setParam("eval_metric", metric); // each call adds one metric, as Python's list does
        }
        try {
            Rounds rounds = boost(booster, hp, mats, sets.names());
            if (rounds.bestIteration >= 0) {
                booster.setAttr("best_iteration", String.valueOf(rounds.bestIteration));
            }
            Path model = Path.of(spec.modelFile());
            Files.createDirectories(model.getParent());
            Files.write(model, booster.toByteArray(Booster.DEFAULT_FORMAT));
            return new TrainingResult(rounds.reported(), rounds.count, null);
        } finally {
            mats.forEach(DMatrix::dispose);
            booster.dispose();
        }
    }

    private EvalSets readChannels(TrainingSpec spec, Hyperparameters hp) throws ClientError, IOException {
        TrainingSpec.Channel trainChannel = spec.channels().get("train");
        if (trainChannel == null) {
            throw new ClientError("Channel 'train' is required; found channels " + spec.channels().keySet());
        }
        ChannelData train = ChannelReader.read("train", Path.of(trainChannel.dir()), trainChannel.contentType());
        TrainingSpec.Channel validationChannel = spec.channels().get("validation");
        if (validationChannel == null) {
            if (hp.earlyStoppingRounds() > 0) {
                throw new ClientError("early_stopping_rounds needs a validation channel");
            }
            checkLabels(hp, train);
            log.printf("Train matrix has %d rows and %d columns%n", train.rows(), train.columns());
            return new EvalSets(List.of(train), List.of("train"));
        }
        ChannelData validation = ChannelReader.read("validation", Path.of(validationChannel.dir()),
                validationChannel.contentType());
        boolean csv = validationChannel.contentType() != null && validationChannel.contentType().contains("csv");
        if (csv && validation.columns() != train.columns()) {
            throw new ClientError("The validation channel has " + (validation.columns() + 1)
                    + " columns but the train channel has " + (train.columns() + 1));
        }
        int width = Math.max(train.columns(), validation.columns()); // libsvm files may name fewer features
        checkLabels(hp, train);
        checkLabels(hp, validation);
        log.printf("Train matrix has %d rows and %d columns; validation matrix has %d rows%n",
                train.rows(), width, validation.rows());
        return new EvalSets(List.of(train.widen(width), validation.widen(width)), List.of("train", "validation"));
    }

    /** The rounds run: how many, the last round's metrics and, with early stopping, the best round's. */
    private static final class Rounds {
        int count;
        Map<String, Double> last = Map.of();
        Map<String, Double> best;
        int bestIteration = -1;

        Map<String, Double> reported() {
            return new LinkedHashMap<>(best != null ? best : last);
        }
    }

    private Rounds boost(Booster booster, Hyperparameters hp, List<DMatrix> mats, List<String> names)
            throws XGBoostError {
        // as XGBoost's early stopping: the last metric of the last evaluation set decides
        String watched = names.get(names.size() - 1) + ":" + hp.evalMetrics().get(hp.evalMetrics().size() - 1);
        boolean maximize = RoundMetrics.maximize(watched);
        DMatrix[] evalMats = mats.toArray(new DMatrix[0]);
        String[] evalNames = names.toArray(new String[0]);
        Rounds rounds = new Rounds();
        String bestLine = null;
        for (int iter = 0; iter < hp.numRound(); iter++) {
            booster.update(evalMats[0], iter);
            rounds.count++;
            String line = booster.evalSet(evalMats, evalNames, iter);
            log.println(line);
            rounds.last = RoundMetrics.parse(line, names);
            if (hp.earlyStoppingRounds() == 0) {
                continue;
            }
            double value = rounds.last.getOrDefault(watched, Double.NaN);
            if (rounds.best == null || (maximize ? value > rounds.best.get(watched) : value < rounds.best.get(watched))) {
                rounds.best = rounds.last;
                rounds.bestIteration = iter;
                bestLine = line;
            } else if (iter - rounds.bestIteration >= hp.earlyStoppingRounds()) {
                log.printf("Stopping. Best iteration:%n%s%n", bestLine);
                break;
            }
        }
        return rounds;
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
