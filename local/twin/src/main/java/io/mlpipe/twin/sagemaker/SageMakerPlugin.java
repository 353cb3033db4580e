package io.mlpipe.twin.sagemaker;

import io.mlpipe.sagemaker.LocalSageMaker;
import io.mlpipe.sagemaker.common.Arns;
import io.mlpipe.sagemaker.objects.S3ObjectStore;
import io.mlpipe.twin.edge.AwsRequests;
import io.mlpipe.twin.edge.HealthHandler;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.time.Clock;

/**
 * Mounts local SageMaker (module local/sagemaker) on the edge: its API where {@code X-Amz-Target:
 * SageMaker.*} arrives, its runtime on {@code POST /endpoints/{name}/invocations} signed for SageMaker
 * (an S3 path-style request for a bucket named "endpoints" stays with S3). Training data and models go
 * through the twin's own S3, at the edge URL.
 */
public final class SageMakerPlugin implements TwinPlugin {
    private LocalSageMaker sageMaker;
    private S3ObjectStore objects;

    @Override
    public String name() {
        return "sagemaker";
    }

    @Override
    public void start(TwinContext context) {
        objects = S3ObjectStore.local(context.endpoint(), context.region(), "test", "test");
        sageMaker = new LocalSageMaker(context.dataDirectory(""), objects, Clock.systemUTC(), context.waitScale(),
                new Arns(context.region(), context.account()), System.getProperty("java.class.path"));
        context.route(new Route("sagemaker", Route.target("SageMaker"), sageMaker.apiHandler()));
        context.route(new Route("sagemaker-runtime", exchange ->
                exchange.getRequestURI().getRawPath().matches("/endpoints/[^/]+/invocations")
                        && AwsRequests.signingService(exchange).map(s -> !s.equals("s3")).orElse(true),
                sageMaker.runtimeHandler()));
        context.health("sagemaker", () -> HealthHandler.RUNNING);
    }

    /** A training job's log (what XGBoost printed), for the CLI; empty if no such job ran. */
    public java.util.Optional<String> trainingLog(String trainingJobName) {
        return sageMaker.trainingLog(trainingJobName);
    }

    @Override
    public void close() {
        if (sageMaker != null) {
            sageMaker.close();
        }
        if (objects != null) {
            objects.close();
        }
    }
}
