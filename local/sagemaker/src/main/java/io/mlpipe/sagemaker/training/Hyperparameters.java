package io.mlpipe.sagemaker.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in XGBoost algorithm's hyperparameters: the container's names, checks and defaults, turned into
 * XGBoost4J parameters. Values arrive as strings (as in CreateTrainingJob); XGBoost takes them as such.
 */
public record Hyperparameters(Map<String, Object> xgboostParams, int numRound, int earlyStoppingRounds, String objective,
                              int numClass) {

    static final List<String> OBJECTIVES = List.of("reg:squarederror", "reg:squaredlogerror", "reg:logistic",
            "reg:pseudohubererror", "reg:absoluteerror", "reg:quantileerror", "reg:gamma", "reg:tweedie", "reg:linear",
            "binary:logistic", "binary:logitraw", "binary:hinge", "count:poisson", "survival:cox", "survival:aft",
            "multi:softmax", "multi:softprob", "rank:pairwise", "rank:ndcg", "rank:map");
    static final List<String> EVAL_METRICS = List.of("rmse", "rmsle", "mae", "mape", "mphe", "logloss", "error",
            "merror", "mlogloss", "auc", "aucpr", "ndcg", "map", "poisson-nloglik", "gamma-nloglik", "cox-nloglik",
            "gamma-deviance", "tweedie-nloglik", "aft-nloglik", "interval-regression-accuracy", "pre");

    /** Hyperparameters the container reads itself; they never reach XGBoost. */
    private static final Set<String> CONTAINER_ONLY = Set.of("num_round", "early_stopping_rounds", "csv_weights",
            "save_model_on_termination", "_tuning_objective_metric", "_kfold", "_num_cv_round");
    /** Passed to XGBoost as given. */
    private static final Set<String> FREE_FORM = Set.of("updater", "interaction_constraints", "monotone_constraints",
            "base_score", "single_precision_histogram", "deterministic_histogram", "refresh_leaf", "dsplit",
            "prob_buffer_row", "lambda_bias", "one_drop", "max_cat_to_onehot", "huber_slope", "quantile_alpha",
            "aft_loss_distribution", "aft_loss_distribution_scale", "use_dask_gpu_training");
    private static final Map<String, List<String>> ENUMS = Map.of(
            "booster", List.of("gbtree", "gblinear", "dart"),
            "tree_method", List.of("auto", "exact", "approx", "hist", "gpu_hist"),
            "grow_policy", List.of("depthwise", "lossguide"),
            "sample_type", List.of("uniform", "weighted"),
            "normalize_type", List.of("tree", "forest"),
            "process_type", List.of("default", "update"),
            "sampling_method", List.of("uniform", "gradient_based"));
    /** name -> {min, max, minInclusive(1/0), maxInclusive(1/0)} */
    private static final Map<String, double[]> RANGES = Map.ofEntries(
            Map.entry("eta", new double[] {0, 1, 1, 1}),
            Map.entry("gamma", new double[] {0, Double.MAX_VALUE, 1, 1}),
            Map.entry("min_child_weight", new double[] {0, Double.MAX_VALUE, 1, 1}),
            Map.entry("max_delta_step", new double[] {0, Double.MAX_VALUE, 1, 1}),
            Map.entry("subsample", new double[] {0, 1, 0, 1}),
            Map.entry("colsample_bytree", new double[] {0, 1, 0, 1}),
            Map.entry("colsample_bylevel", new double[] {0, 1, 0, 1}),
            Map.entry("colsample_bynode", new double[] {0, 1, 0, 1}),
            Map.entry("lambda", new double[] {0, Double.MAX_VALUE, 1, 1}),
            Map.entry("alpha", new double[] {0, Double.MAX_VALUE, 1, 1}),
            Map.entry("scale_pos_weight", new double[] {0, Double.MAX_VALUE, 0, 1}),
            Map.entry("sketch_eps", new double[] {0, 1, 0, 0}),
            Map.entry("rate_drop", new double[] {0, 1, 1, 1}),
            Map.entry("skip_drop", new double[] {0, 1, 1, 1}),
            Map.entry("tweedie_variance_power", new double[] {1, 2, 0, 0}));
    /** name -> minimum */
    private static final Map<String, Integer> INTEGERS = Map.of("num_round", 1, "early_stopping_rounds", 1,
            "max_depth", 0, "num_class", 2, "seed", Integer.MIN_VALUE, "max_leaves", 0, "max_bin", 2,
            "num_parallel_tree", 1, "verbosity", 0, "nthread", 1);

    public static Hyperparameters parse(Map<String, String> raw) throws ClientError {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            check(name, value);
            if (!CONTAINER_ONLY.contains(name)) {
                params.put(name, value);
            }
        }
        if (!raw.containsKey("num_round")) {
            throw new ClientError("Missing required hyperparameter: num_round");
        }
        String objective = raw.getOrDefault("objective", "reg:squarederror").trim();
        int numClass = raw.containsKey("num_class") ? Integer.parseInt(raw.get("num_class").trim()) : 0;
        if (objective.startsWith("multi:") && numClass == 0) {
            throw new ClientError("Hyperparameter num_class is required for objective " + objective);
        }
        // the container trains single-threaded by default here: the twin shares a small machine
        params.putIfAbsent("nthread", "1");
        return new Hyperparameters(params, Integer.parseInt(raw.get("num_round").trim()),
                raw.containsKey("early_stopping_rounds") ? Integer.parseInt(raw.get("early_stopping_rounds").trim()) : 0,
                objective, numClass);
    }

    private static void check(String name, String value) throws ClientError {
        if (INTEGERS.containsKey(name)) {
            int v;
            try {
                v = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ClientError("Hyperparameter " + name + ": value '" + value + "' is not an integer");
            }
            if (v < INTEGERS.get(name)) {
                throw new ClientError("Hyperparameter " + name + ": value " + v + " is below the minimum " + INTEGERS.get(name));
            }
        } else if (RANGES.containsKey(name)) {
            checkRange(name, value, RANGES.get(name));
        } else if (ENUMS.containsKey(name)) {
            if (!ENUMS.get(name).contains(value)) {
                throw new ClientError("Hyperparameter " + name + ": value '" + value + "' is not one of " + ENUMS.get(name));
            }
        } else if (name.equals("objective")) {
            if (!OBJECTIVES.contains(value)) {
                throw new ClientError("Hyperparameter objective: value '" + value + "' is not one of " + OBJECTIVES);
            }
        } else if (name.equals("eval_metric")) {
            for (String metric : value.split(",")) {
                String base = metric.trim().replaceFirst("@.*$", "");
                if (!EVAL_METRICS.contains(base)) {
                    throw new ClientError("Hyperparameter eval_metric: value '" + metric.trim() + "' is not one of "
                            + EVAL_METRICS);
                }
            }
        } else if (!CONTAINER_ONLY.contains(name) && !FREE_FORM.contains(name)) {
            throw new ClientError("Extraneous hyperparameter found: " + name);
        }
    }

    private static void checkRange(String name, String value, double[] range) throws ClientError {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ClientError("Hyperparameter " + name + ": value '" + value + "' is not a number");
        }
        boolean aboveMin = range[2] == 1 ? v >= range[0] : v > range[0];
        boolean belowMax = range[3] == 1 ? v <= range[1] : v < range[1];
        if (!aboveMin || !belowMax) {
            String max = range[1] == Double.MAX_VALUE ? "inf" : String.valueOf(range[1]);
            throw new ClientError("Hyperparameter " + name + ": value " + value + " is not in range "
                    + (range[2] == 1 ? "[" : "(") + range[0] + ", " + max + (range[3] == 1 ? "]" : ")"));
        }
    }

    /** The metrics XGBoost evaluates each round, in order: eval_metric's, or XGBoost's default for the objective. */
    public List<String> evalMetrics() {
        Object given = xgboostParams.get("eval_metric");
        if (given != null) {
            return List.of(given.toString().split("\\s*,\\s*"));
        }
        if (objective.startsWith("binary:")) {
            return List.of(objective.equals("binary:hinge") ? "error" : "logloss");
        }
        if (objective.startsWith("multi:")) {
            return List.of(objective.equals("multi:softmax") ? "merror" : "mlogloss");
        }
        return List.of("rmse");
    }
}
