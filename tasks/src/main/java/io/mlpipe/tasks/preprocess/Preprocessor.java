package io.mlpipe.tasks.preprocess;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.io.ObjectNotFoundException;
import io.mlpipe.tasks.io.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The preprocess step (docs/CONTRACTS.md "Preprocess Lambda"): reads the configuration, profiles the CSV in a
 * first streaming pass that also keeps the rows it uses in a compact local {@link RowSpill}, decides types and
 * encodings, writes the training CSVs in a second pass over the spill (over the CSV again if the spill did not
 * fit), then features.json and stats.json, and answers everything the later states need.
 */
public final class Preprocessor {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectStore store;
    private final Clock clock;
    private final Supplier<RowSpill> spills;

    /** Keeps the first pass's rows in the JVM's temporary folder (Lambda's /tmp) for the second. */
    public Preprocessor(ObjectStore store, Clock clock) {
        this(store, clock, RowSpill::inTemporaryFolder);
    }

    /**
     * One that reads the CSV a second time instead of keeping a spill, as it does when the temporary folder has no
     * room: for side-by-side comparisons.
     */
    public static Preprocessor readingTheCsvTwice(ObjectStore store, Clock clock) {
        return new Preprocessor(store, clock, RowSpill::none);
    }

    Preprocessor(ObjectStore store, Clock clock, Supplier<RowSpill> spills) {
        this.store = store;
        this.clock = clock;
        this.spills = spills;
    }

    /** Input and output as the Lambda sees them; both are checked against their schemas. */
    public Map<String, Object> preprocess(Map<String, Object> input) {
        PreprocessRequest request = PreprocessRequest.from(input);
        try {
            Map<String, Object> output = run(request);
            Schemas.shared().check(SchemaName.PREPROCESS_OUTPUT, output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("reading or writing s3://" + request.bucket() + " failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> run(PreprocessRequest request) throws IOException {
        String configPath = "s3://" + request.bucket() + "/" + request.configKey();
        ModelConfig config = store.readIfExists(request.bucket(), request.configKey())
                .map(bytes -> ModelConfig.parse(bytes, configPath))
                .orElseGet(ModelConfig::defaults);
        Split split = new Split(config.validationFraction());

        DataProfile profile;
        TargetEncoding target;
        Metric metric;
        TrainingPlan plan;
        String prefix = request.processedPrefix();
        try (RowSpill spill = spills.get()) {
            try (InputStream in = open(request)) {
                profile = new DataProfiler(config.target(), config.minRows(), split, configPath).profile(in, spill);
            }
            target = TargetEncoding.decide(profile.target(), config.problemType(), configPath);
            metric = Metric.choose(target.problemType, config, configPath);
            plan = new TrainingPlan(profile, target);

            OutputStream train = store.create(request.bucket(), prefix + "train/train.csv");
            OutputStream validation = store.create(request.bucket(), prefix + "validation/validation.csv");
            TrainingDataWriter writer = new TrainingDataWriter(plan, split);
            if (spill.finish()) {
                try (RowSpillReader rows = spill.reader()) {
                    writer.write(rows, train, validation);
                }
            } else {
                try (InputStream in = open(request)) { // no room for the spill: download and parse the CSV again
                    writer.write(in, train, validation);
                }
            }
            // closed only on success: closing is what makes an object appear, and a failed run must leave none
            train.close();
            validation.close();
        }
        FeatureSpec spec = plan.featureSpec(request.model(), request.runId(), config.target());
        write(request.bucket(), prefix + "features.json", spec.toJson());
        Map<String, Object> stats = DataStats.of(request.model(), request.runId(), request.source(), profile, target);
        Schemas.shared().check(SchemaName.STATS, stats);
        write(request.bucket(), prefix + "stats.json", MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(stats));

        return output(request, config, target.problemType, metric, spec, profile);
    }

    private InputStream open(PreprocessRequest request) throws IOException {
        try {
            return store.open(request.bucket(), request.key(), request.versionId());
        } catch (ObjectNotFoundException e) {
            throw new DataNotFoundError(request.source() + (request.versionId() == null ? "" : " version " + request.versionId())
                    + " does not exist (deleted or renamed after the upload?); "
                    + "upload the file again under incoming/" + request.model() + "/");
        }
    }

    private void write(String bucket, String key, byte[] bytes) throws IOException {
        try (OutputStream out = store.create(bucket, key)) {
            out.write(bytes);
        }
    }

    private Map<String, Object> output(PreprocessRequest request, ModelConfig config, ProblemType type, Metric metric,
                                       FeatureSpec spec, DataProfile profile) {
        String s3 = "s3://" + request.bucket() + "/";
        String prefix = s3 + request.processedPrefix();
        Map<String, String> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("objective", type.objective());
        hyperparameters.put("eval_metric", metric.name());
        if (type == ProblemType.MULTICLASS_CLASSIFICATION) {
            hyperparameters.put("num_class", Integer.toString(spec.labelClasses().size()));
        }
        hyperparameters.putAll(config.hyperparameters());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", request.model());
        out.put("runId", request.runId());
        out.put("problemType", type.id());
        out.put("target", config.target());
        out.put("metric", metric.toMap());
        out.put("hyperparameters", hyperparameters);
        out.put("trainingJobName", TrainingJobNames.of(request.model(), request.runId(), clock.instant()));
        out.put("trainUri", prefix + "train/");
        out.put("validationUri", prefix + "validation/");
        out.put("outputUri", s3 + "models/" + request.model() + "/");
        out.put("featuresUri", prefix + "features.json");
        out.put("statsUri", prefix + "stats.json");
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", profile.rows());
        rows.put("train", profile.trainRows());
        rows.put("validation", profile.validationRows());
        out.put("rows", rows);
        out.put("featureCount", spec.features().size());
        out.put("training", config.training());
        out.put("endpoint", config.endpoint());
        return out;
    }
}
