package io.mlpipe.tasks.preprocess;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.aws.AwsClients;
import io.mlpipe.tasks.aws.S3ObjectStore;
import io.mlpipe.tasks.io.ObjectStore;
import io.mlpipe.tasks.lambda.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * The preprocess Lambda ({@code io.mlpipe.tasks.preprocess.PreprocessHandler::handleRequest}): a thin shell
 * over {@link Preprocessor}. Invalid data, configuration or input fail with {@link DataValidationError},
 * {@link ConfigValidationError}, {@link DataNotFoundError} or {@link InputValidationError}.
 */
public class PreprocessHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(PreprocessHandler.class);

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
        this.preprocessor = new Preprocessor(store, clock);
        this.telemetry = new Telemetry(env, "preprocess");
        Schemas.shared(); // compile the schemas during init, so a SnapStart snapshot holds them
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
