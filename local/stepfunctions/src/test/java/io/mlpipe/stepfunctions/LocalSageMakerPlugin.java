package io.mlpipe.stepfunctions;

import io.mlpipe.sagemaker.LocalSageMaker;
import io.mlpipe.sagemaker.objects.S3ObjectStore;
import io.mlpipe.twin.edge.Route;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.time.Clock;

/** The local SageMaker on the twin's edge (API and runtime), its objects in the twin's S3: how the twin mounts it. */
final class LocalSageMakerPlugin implements TwinPlugin {
    private LocalSageMaker sageMaker;
    private S3ObjectStore objects;

    @Override
    public String name() {
        return "sagemaker";
    }

    @Override
    public void start(TwinContext context) {
        objects = S3ObjectStore.local(context.endpoint(), context.region(), "test", "test");
        sageMaker = new LocalSageMaker(context.dataDirectory("sagemaker"), objects, Clock.systemUTC(), context.waitScale());
        context.route(new Route("sagemaker", Route.target("SageMaker"), sageMaker.apiHandler()));
        context.route(new Route("sagemaker-runtime", Route.pathPrefix("/endpoints/"), sageMaker.runtimeHandler()));
        context.health("sagemaker", () -> "running");
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
