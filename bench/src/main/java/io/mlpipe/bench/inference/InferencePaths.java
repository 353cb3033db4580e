package io.mlpipe.bench.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.mlpipe.sagemaker.hosting.LoadedModel;
import io.mlpipe.sagemaker.hosting.PredictionFormat;
import io.mlpipe.tasks.inference.InferenceHandler;
import io.mlpipe.tasks.inference.InferenceService;
import io.mlpipe.sagemaker.objects.S3Uri;
import io.mlpipe.tasks.io.InMemoryModelTable;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.io.ModelTable;
import io.mlpipe.tasks.io.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH cases of one prediction request in process, on the deployed model's files (see {@link ModelFiles}):
 * XGBoost4J alone on a prepared DMatrix and on one built from the request's floats (the limit), the endpoint's
 * own work on the handler's CSV, and the inference handler on the API Gateway event (parse, validate, encode,
 * the endpoint answered by the same booster, parse its answer, JSON response, inference log record,
 * Powertools metrics). The booster predicts on one thread, as the twin's endpoints do.
 */
@State(Scope.Benchmark)
public class InferencePaths {
    @Param({"1", "100"})
    public int rows;

    /** The folder {@link ModelFiles} wrote. */
    @Param("")
    public String folder;

    private Booster booster;
    private DMatrix prepared;
    private PredictionFormat.Matrix matrix;
    private BoosterEndpoint endpoint;
    private String csv;
    private InferenceHandler handler;
    private APIGatewayProxyRequestEvent event;
    private final Context context = new WarmContext();
    private PrintStream stdout;

    @Setup(Level.Trial)
    public void setUp() throws IOException, XGBoostError {
        ModelFiles files = ModelFiles.read(Path.of(folder));
        booster = XGBoost.loadModel(files.boosterFile());
        endpoint = new BoosterEndpoint(new LoadedModel(booster, "bench", "AllTraffic"));
        String body = RequestBodies.json(files.spec(), rows);
        handler = handler(files, endpoint);
        event = event(body);
        // the limit predicts on exactly the matrix the handler's request becomes at the endpoint
        csv = endpointRequest(handler, endpoint, body);
        matrix = endpoint.matrix(csv);
        // Powertools prints each invocation's EMF metrics on stdout, which is the benchmark's Markdown
        stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        prepared = new DMatrix(matrix.values(), matrix.rows(), matrix.columns(), Float.NaN);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws XGBoostError {
        System.setOut(stdout);
        prepared.dispose();
        booster.dispose();
    }

    @Benchmark
    public float[][] xgboostPreparedMatrix() throws XGBoostError {
        return booster.predict(prepared);
    }

    @Benchmark
    public float[][] xgboostFromFloats() throws XGBoostError {
        DMatrix built = new DMatrix(matrix.values(), matrix.rows(), matrix.columns(), Float.NaN);
        try {
            return booster.predict(built);
        } finally {
            built.dispose();
        }
    }

    /** What the twin's endpoint does with the handler's request: read the CSV, predict, write the answer. */
    @Benchmark
    public String endpointCall() {
        return endpoint.invoke("bench", "text/csv", csv);
    }

    @Benchmark
    public APIGatewayProxyResponseEvent handler() {
        return handler.handleRequest(event, context);
    }

    /**
     * Calls the handler once (its metrics kept off stdout) and returns the CSV it sent to the endpoint; fails
     * when the handler does not answer 200.
     */
    static String endpointRequest(InferenceHandler handler, BoosterEndpoint endpoint, String body) {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            APIGatewayProxyResponseEvent answer = handler.handleRequest(event(body), new WarmContext());
            if (answer.getStatusCode() != 200) {
                throw new IllegalStateException("the handler answered " + answer.getStatusCode() + ": " + answer.getBody());
            }
            return endpoint.lastRequest();
        } finally {
            System.setOut(stdout);
        }
    }

    /** The proxy event API Gateway hands the function for a predict request. */
    static APIGatewayProxyRequestEvent event(String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/models/" + DeployedModel.MODEL + "/predict")
                .withResource("/models/{model}/predict").withPathParameters(Map.of("model", DeployedModel.MODEL))
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body);
    }

    /** The real handler and service; the champion item, features.json and the inference log are in memory. */
    static InferenceHandler handler(ModelFiles files, BoosterEndpoint endpoint) {
        ModelTable models = new InMemoryModelTable().put(files.champion());
        S3Uri features = S3Uri.parse((String) files.champion().get("featuresUri"));
        ObjectStore store = new InMemoryObjectStore().put(features.bucket(), features.key(), files.featuresJson());
        AtomicLong logged = new AtomicLong();
        InferenceService service = new InferenceService(models, store, endpoint, item -> logged.incrementAndGet(),
                Clock.systemUTC(), Duration.ofDays(30), UUID::randomUUID);
        // the environment the twin gives the function: EMF metrics on stdout, as on Lambda
        return new InferenceHandler(service, Map.of("POWERTOOLS_SERVICE_NAME", "inference",
                "POWERTOOLS_METRICS_NAMESPACE", "mlpipe", "AWS_EMF_ENVIRONMENT", "Local"));
    }
}
