package io.mlpipe.bench.inference;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.local.TwinOptions;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.cli.pipeline.Uploads;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.tasks.aws.DynamoModelTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A twin with a deployed churn model, as the pipeline makes it: a fresh in-process twin on a free loopback port
 * (data under the benchmark's scratch folder), a {@link SampleData} drop under {@code incoming/churn/}, its
 * execution followed to DEPLOYED (the pipeline deploys only once the endpoint is InService). Also hands out the
 * model's artifacts (the champion item, features.json, the xgboost-model file) for the in-process measurements.
 */
final class DeployedModel implements AutoCloseable {
    static final String MODEL = "churn";

    private final LocalTwin twin;
    private final Pipeline pipeline;
    final Map<String, Object> champion;
    final byte[] featuresJson;
    final byte[] boosterFile;

    private DeployedModel(LocalTwin twin, Pipeline pipeline, Map<String, Object> champion, byte[] featuresJson,
                          byte[] boosterFile) {
        this.twin = twin;
        this.pipeline = pipeline;
        this.champion = champion;
        this.featuresJson = featuresJson;
        this.boosterFile = boosterFile;
    }

    static DeployedModel start(BenchContext context, int trainingRows) throws IOException {
        Path data = context.scratch().resolve("twin");
        deleteTree(data); // a fresh twin: no earlier champion for the gate to compare with
        TwinOptions options = new TwinOptions();
        options.port = 0;
        options.dataDirectory = data;
        options.template = context.root().resolve("workflow/target/cdk.out/Mlpipe.template.json");
        PrintWriter progress = new PrintWriter(context.progress(), true);
        context.say("starting a twin (data in %s)", data);
        LocalTwin twin = LocalTwin.start(options, progress);
        try {
            Pipeline pipeline = new Target().useTwin(twin.endpoint()).connect();
            context.say("dropping %d customers under incoming/%s/ and following the execution", trainingRows, MODEL);
            String key = Uploads.put(pipeline, MODEL, "customers.csv", SampleData.churn(trainingRows, 42));
            String arn = Executions.awaitStartedFor(pipeline, key, java.util.Set.of(), Duration.ofSeconds(30));
            Followed followed = Followed.follow(pipeline, arn, progress, Duration.ofMinutes(5));
            if (!"DEPLOYED".equals(followed.decision())) {
                throw new IllegalStateException("the benchmark's drop was not deployed: " + followed.summary()
                        + " (the twin's data is in " + data + ")");
            }
            Map<String, Object> champion = new DynamoModelTable(pipeline.dynamoDb(), pipeline.resources().table("models"))
                    .champion(MODEL).orElseThrow(() -> new IllegalStateException("DEPLOYED but no champion item"));
            byte[] features = read(pipeline, (String) champion.get("featuresUri"));
            String artifact = (String) new DynamoModelTable(pipeline.dynamoDb(), pipeline.resources().table("models"))
                    .latestVersions(MODEL, 1).get(0).get("artifactUri");
            Map<String, byte[]> archive;
            try (InputStream in = pipeline.s3().getObject(r -> r.bucket(bucket(artifact)).key(key(artifact)))) {
                archive = TarGz.read(in);
            }
            return new DeployedModel(twin, pipeline, champion, features, archive.get("xgboost-model"));
        } catch (RuntimeException | IOException e) {
            twin.close();
            throw e;
        }
    }

    /** {@code POST} here with {@code {"rows": [...]}}: the twin's REST route, no IAM auth locally. */
    URI predictUrl() {
        String base = pipeline.resources().apiUrl();
        return URI.create((base.endsWith("/") ? base : base + "/") + "models/" + MODEL + "/predict");
    }

    private static byte[] read(Pipeline pipeline, String s3Uri) {
        return pipeline.s3().getObjectAsBytes(r -> r.bucket(bucket(s3Uri)).key(key(s3Uri))).asByteArray();
    }

    private static String bucket(String s3Uri) {
        return s3Uri.substring(5, s3Uri.indexOf('/', 5));
    }

    private static String key(String s3Uri) {
        return s3Uri.substring(s3Uri.indexOf('/', 5) + 1);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() {
        pipeline.close();
        twin.close();
    }
}
