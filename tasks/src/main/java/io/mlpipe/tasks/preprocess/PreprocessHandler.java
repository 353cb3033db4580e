package io.mlpipe.tasks.preprocess;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.aws.AwsClients;
import io.mlpipe.tasks.aws.DryRun;
import io.mlpipe.tasks.aws.S3ObjectStore;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.io.ObjectStore;
import io.mlpipe.tasks.lambda.Priming;
import io.mlpipe.tasks.lambda.Telemetry;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The preprocess Lambda ({@code io.mlpipe.tasks.preprocess.PreprocessHandler::handleRequest}): a thin shell
 * over {@link Preprocessor}. Invalid data, configuration or input fail with {@link DataValidationError},
 * {@link ConfigValidationError}, {@link DataNotFoundError} or {@link InputValidationError}.
 *
 * <p>With SnapStart it primes itself before the snapshot ({@link #beforeCheckpoint}).
 */
public class PreprocessHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(PreprocessHandler.class);

    private final ObjectStore store;
    private final Clock clock;
    private final String bucket;
    private final Preprocessor preprocessor;
    private final Telemetry telemetry;

    /** Used by Lambda: the process environment. */
    public PreprocessHandler() {
        this(System.getenv());
    }

    /** Used by the local twin: the function's environment from the template. */
    public PreprocessHandler(Map<String, String> env) {
        this(new S3ObjectStore(new AwsClients(env).s3()), Clock.systemUTC(), env);
    }

    /** Used by tests: any object store and clock. */
    public PreprocessHandler(ObjectStore store, Clock clock, Map<String, String> env) {
        this.store = store;
        this.clock = clock;
        this.bucket = env.getOrDefault("DATA_BUCKET", Priming.BUCKET);
        this.preprocessor = new Preprocessor(store, clock);
        this.telemetry = new Telemetry(env, "preprocess");
        Schemas.shared(); // compile the schemas during init, so a SnapStart snapshot holds them
        Priming.register(this);
    }

    /**
     * SnapStart priming, before the snapshot: a whole preprocessing run on a small CSV in memory (schema checks, CSV
     * parsing, profiling, the training files, JSON), then the S3 calls a run makes, stopped before they are sent. No
     * object is read or written: the work only leaves loaded and initialized classes in the snapshot.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    /** The priming {@link #beforeCheckpoint} runs; true when it completed (a failure is logged, never thrown). */
    public boolean prime() {
        return Priming.run("preprocess", () -> {
            InMemoryObjectStore sample = new InMemoryObjectStore().put(Priming.BUCKET, "incoming/priming/sample.csv", sampleCsv());
            new Preprocessor(sample, clock).preprocess(Map.of("bucket", Priming.BUCKET, "key", "incoming/priming/sample.csv",
                    "model", "priming", "runId", "priming"));
            DryRun.attempt(() -> store.readIfExists(bucket, "config/priming.json"));
            DryRun.attempt(() -> {
                try (InputStream in = store.open(bucket, "incoming/priming/sample.csv")) {
                    return in.read();
                }
            });
            DryRun.attempt(() -> {
                try (OutputStream out = store.create(bucket, "processed/priming/sample.csv")) {
                    out.write('1');
                }
                return null;
            });
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: the SDK clients fetch credentials and open connections on first use
    }

    /** A small binary-classification data set: numeric, categorical, some missing values, enough rows to split. */
    private static byte[] sampleCsv() {
        StringBuilder csv = new StringBuilder("age,plan,score,target\n");
        String[] plans = {"basic", "pro", "premium"};
        for (int i = 0; i < 60; i++) {
            csv.append(20 + i % 50).append(',').append(plans[i % 3]).append(',').append(i % 4 == 0 ? "" : i * 0.5)
                    .append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return telemetry.invocation(context, "preprocess", () -> {
            LOG.info("preprocessing s3://{}/{} for model {} (run {})", input.get("bucket"), input.get("key"),
                    input.get("model"), input.get("runId"));
            try {
                Map<String, Object> output = preprocessor.preprocess(input);
                @SuppressWarnings("unchecked")
                Map<String, Object> rows = (Map<String, Object>) output.get("rows");
                telemetry.count("RowsProcessed", ((Number) rows.get("total")).doubleValue());
                LOG.info("preprocessed {} rows: {} {}, training job {}", rows.get("total"), output.get("problemType"),
                        output.get("featureCount") + " features", output.get("trainingJobName"));
                return output;
            } catch (TaskError e) {
                telemetry.count(e.getClass().getSimpleName(), 1);
                LOG.warn("{}: {}", e.getClass().getSimpleName(), e.getMessage());
                throw e;
            }
        });
    }
}
