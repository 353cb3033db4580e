package io.mlpipe.bench.inference;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.DeployedTwin;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.sagemaker.objects.S3Uri;
import io.mlpipe.tasks.aws.DynamoModelTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * A twin with a deployed churn model ({@link DeployedTwin}, the pipeline deploys only once the endpoint is
 * InService) and that model's artifacts (the champion item, features.json, the xgboost-model file) for the
 * in-process measurements.
 */
final class DeployedModel implements AutoCloseable {
    static final String MODEL = "churn";

    private final DeployedTwin deployed;
    private final Pipeline pipeline;
    final ModelFiles files;

    private DeployedModel(DeployedTwin deployed, ModelFiles files) {
        this.deployed = deployed;
        this.pipeline = deployed.pipeline;
        this.files = files;
    }

    static DeployedModel start(BenchContext context, int trainingRows) throws IOException {
        DeployedTwin deployed = DeployedTwin.start(context, MODEL, trainingRows);
        try {
            Pipeline pipeline = deployed.pipeline;
            DynamoModelTable models = new DynamoModelTable(pipeline.dynamoDb(), pipeline.resources().table("models"));
            Map<String, Object> champion = models.champion(MODEL)
                    .orElseThrow(() -> new IllegalStateException("DEPLOYED but no champion item"));
            byte[] features = read(pipeline, (String) champion.get("featuresUri"));
            String artifact = (String) models.latestVersions(MODEL, 1).get(0).get("artifactUri");
            Map<String, byte[]> archive;
            S3Uri model = S3Uri.parse(artifact);
            try (InputStream in = pipeline.s3().getObject(r -> r.bucket(model.bucket()).key(model.key()))) {
                archive = TarGz.read(in);
            }
            return new DeployedModel(deployed, new ModelFiles(champion, features, archive.get("xgboost-model")));
        } catch (RuntimeException | IOException e) {
            deployed.close();
            throw e;
        }
    }

    /** {@code POST} here with {@code {"rows": [...]}}: the twin's REST route, no IAM auth locally. */
    URI predictUrl() {
        String base = pipeline.resources().apiUrl();
        return URI.create((base.endsWith("/") ? base : base + "/") + "models/" + MODEL + "/predict");
    }

    private static byte[] read(Pipeline pipeline, String s3Uri) {
        S3Uri uri = S3Uri.parse(s3Uri);
        return pipeline.s3().getObjectAsBytes(r -> r.bucket(uri.bucket()).key(uri.key())).asByteArray();
    }

    @Override
    public void close() {
        deployed.close();
    }
}
