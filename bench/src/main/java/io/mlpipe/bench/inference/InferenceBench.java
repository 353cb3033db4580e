package io.mlpipe.bench.inference;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Table;
import io.mlpipe.sagemaker.hosting.LoadedModel;
import io.mlpipe.sagemaker.hosting.PredictionFormat;
import io.mlpipe.tasks.features.FeatureSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Inference: the handler's own cost per request in process (JMH, against XGBoost4J alone), and requests through
 * the twin's REST API under wrk (against XGBoost4J called directly at the same concurrency). The model is the
 * one the pipeline deploys from a {@code SampleData} drop on a fresh twin.
 */
public final class InferenceBench implements Benchmark {
    private static final List<Integer> ROWS = List.of(1, 100);
    private static final int WRK_THREADS = 2;
    private static final int CONNECTIONS = 8;
    private static final double OVERHEAD_TARGET_NANOS = 1e6;

    @Override
    public String name() {
        return "inference";
    }

    @Override
    public String summary() {
        return "inference handler overhead in process (JMH) and the twin's REST API under wrk, vs XGBoost4J direct";
    }

    @Override
    public String run(BenchContext context) throws Exception {
        if (!Wrk.installed()) {
            throw new IllegalStateException("wrk is not installed: run scripts/setup --for-bench (apt-get install wrk)");
        }
        int seconds = context.quick() ? 2 : 20;
        try (DeployedModel deployed = DeployedModel.start(context, context.quick() ? 1000 : 3000)) {
            ModelFiles files = deployed.files;
            Path folder = files.write(context.scratch().resolve("model"));
            Map<String, Map<Integer, Double>> inProcess = inProcess(context, folder);

            FeatureSpec spec = files.spec();
            Booster booster = XGBoost.loadModel(files.boosterFile());
            BoosterEndpoint endpoint = new BoosterEndpoint(new LoadedModel(booster, "bench", "AllTraffic"));
            Map<Integer, Wrk.Result> twin = new HashMap<>();
            Map<Integer, DirectPredictions.Result> direct = new HashMap<>();
            for (int rows : ROWS) {
                String body = RequestBodies.json(spec, rows);
                checkAnswered(deployed.predictUrl(), body, rows);
                context.say("%s on the twin's REST API, %d row(s) per request", Wrk.describe(WRK_THREADS, CONNECTIONS, seconds), rows);
                twin.put(rows, Wrk.post(context.scratch(), "request-" + rows, deployed.predictUrl(), body, WRK_THREADS,
                        CONNECTIONS, seconds));
                // the limit predicts on the matrix this request becomes at the endpoint
                PredictionFormat.Matrix matrix = endpoint.matrix(
                        InferencePaths.endpointRequest(InferencePaths.handler(files, endpoint), endpoint, body));
                context.say("XGBoost4J direct on %d Java threads for %d s, %d row(s) per call", CONNECTIONS, seconds, rows);
                direct.put(rows, DirectPredictions.run(booster, matrix, CONNECTIONS, seconds));
            }
            booster.dispose();
            return section(context, spec, inProcess, twin, direct, seconds);
        }
    }

    /** JMH sample-time medians in nanoseconds: benchmark method -> rows -> p50. */
    private static Map<String, Map<Integer, Double>> inProcess(BenchContext context, Path folder) throws Exception {
        context.say("JMH in process: XGBoost4J alone and the inference handler, 1 and 100 rows (%s)",
                context.quick() ? "quick: no fork, short iterations" : "1 fork, 3 x 1 s warm-up, 5 x 1 s measured");
        Options options = new OptionsBuilder()
                .include(InferencePaths.class.getName().replace(".", "\\.") + "\\.")
                .param("folder", folder.toString())
                .mode(Mode.SampleTime).timeUnit(TimeUnit.NANOSECONDS)
                .forks(context.quick() ? 0 : 1)
                .warmupIterations(context.quick() ? 1 : 3).warmupTime(context.quick() ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .measurementIterations(context.quick() ? 1 : 5)
                .measurementTime(context.quick() ? TimeValue.milliseconds(300) : TimeValue.seconds(1))
                .shouldFailOnError(true)
                .output(context.scratch().resolve("jmh.txt").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Map<Integer, Double>> medians = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            int rows = Integer.parseInt(result.getParams().getParam("rows"));
            medians.computeIfAbsent(method, m -> new HashMap<>())
                    .put(rows, result.getPrimaryResult().getStatistics().getPercentile(50));
        }
        return medians;
    }

    /** One request before the load: a deployment that does not answer fails here with its message, not in wrk. */
    private static void checkAnswered(URI url, String body, int rows) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"predictions\"")) {
            throw new IllegalStateException("POST " + url + " with " + rows + " row(s) answered " + answer.statusCode()
                    + ": " + answer.body());
        }
    }

    private static String section(BenchContext context, FeatureSpec spec, Map<String, Map<Integer, Double>> inProcess,
                                  Map<Integer, Wrk.Result> twin, Map<Integer, DirectPredictions.Result> direct, int seconds) {
        Map<Integer, Double> prepared = inProcess.get("xgboostPreparedMatrix");
        Map<Integer, Double> limit = inProcess.get("xgboostFromFloats");
        Map<Integer, Double> endpoint = inProcess.get("endpointCall");
        Map<Integer, Double> handler = inProcess.get("handler");
        Table own = new Table("per request (JMH median)", "1 row", "100 rows");
        own.row("XGBoost4J `Booster.predict` on a prepared DMatrix", Format.nanos(prepared.get(1)), Format.nanos(prepared.get(100)));
        own.row("XGBoost4J DMatrix from the floats + predict (the limit)", Format.nanos(limit.get(1)), Format.nanos(limit.get(100)));
        own.row("endpoint's work: CSV in, DMatrix, predict, CSV out", Format.nanos(endpoint.get(1)), Format.nanos(endpoint.get(100)));
        own.row("inference handler, API Gateway event to response", Format.nanos(handler.get(1)), Format.nanos(handler.get(100)));
        own.row("handler's own overhead (handler - endpoint's work)", Format.nanos(handler.get(1) - endpoint.get(1)),
                Format.nanos(handler.get(100) - endpoint.get(100)));
        own.row("handler / limit", Format.ratio(handler.get(1), limit.get(1)), Format.ratio(handler.get(100), limit.get(100)));
        boolean met = ROWS.stream().allMatch(rows -> handler.get(rows) - endpoint.get(rows) < OVERHEAD_TARGET_NANOS);

        Table load = new Table("through the twin, " + CONNECTIONS + " concurrent", "p50", "p99", "requests/s");
        for (int rows : ROWS) {
            Wrk.Result rest = twin.get(rows);
            DirectPredictions.Result xgb = direct.get(rows);
            String size = rows == 1 ? "1 row" : rows + " rows";
            load.row(size + ": twin REST API (wrk)", Format.nanos(rest.p50Nanos()), Format.nanos(rest.p99Nanos()),
                    Format.number(Math.round(rest.requestsPerSecond())));
            load.row(size + ": XGBoost4J direct (the limit)", Format.nanos(xgb.p50Nanos()), Format.nanos(xgb.p99Nanos()),
                    Format.number(Math.round(xgb.predictionsPerSecond())));
            load.row(size + ": twin vs limit (times worse)", Format.ratio(rest.p50Nanos(), xgb.p50Nanos()),
                    Format.ratio(rest.p99Nanos(), xgb.p99Nanos()), Format.ratio(xgb.predictionsPerSecond(), rest.requestsPerSecond()));
        }
        return """
                ## Inference

                The inference Lambda's handler (`tasks/.../inference`) on the model the pipeline deploys from a
                `SampleData` drop (churn, binary classification, %d features) on a fresh twin, against XGBoost4J
                alone, the library the twin's SageMaker endpoint serves the model with.

                In process (JMH, sample time, median per request): the handler gets an API Gateway proxy event and
                does its real work (JSON parsing and checks, encoding the rows as the endpoint's CSV, reading the
                endpoint's answer, the JSON response, the inference log record, Powertools metrics); the endpoint
                call is answered by the same booster in process (with the container's CSV parsing and answer
                format), the champion item and features.json come from memory, the inference log is an in-memory
                double. The limit builds a DMatrix from the request's floats and predicts; the booster runs on one
                thread (`nthread` 1), as the twin's endpoints serve. The handler's own overhead is the handler
                minus the endpoint's work. Target (issue 8): under 1 ms per request: %s.

                %s
                Through the twin: `%s` POSTs the same JSON bodies to the twin's REST route
                (`/restapis/<id>/<stage>/_user_request_/models/churn/predict`; the route checks no IAM auth
                locally, so a plain POST is answered) on loopback: API Gateway front, the inference Lambda in
                process, the champion read from DynamoDB Local, InvokeEndpoint on local SageMaker (XGBoost4J), the
                inference log written to DynamoDB Local. The limit: %d Java threads calling XGBoost4J (DMatrix from
                the floats + predict) for the same %d s. "twin vs limit" is how many times worse the twin is: twin ÷
                limit for the latencies, limit ÷ twin for requests/s.

                %s
                %s
                """.formatted(spec.features().size(), met ? "met" : "NOT met", own,
                Wrk.describe(WRK_THREADS, CONNECTIONS, seconds), CONNECTIONS, seconds, load, context.reproduce());
    }
}
