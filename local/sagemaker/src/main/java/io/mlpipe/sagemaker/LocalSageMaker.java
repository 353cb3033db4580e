package io.mlpipe.sagemaker;

import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsJsonService;
import io.mlpipe.sagemaker.common.Arns;
import io.mlpipe.sagemaker.common.ResourceStore;
import io.mlpipe.sagemaker.hosting.Deployments;
import io.mlpipe.sagemaker.hosting.EndpointConfigs;
import io.mlpipe.sagemaker.hosting.Endpoints;
import io.mlpipe.sagemaker.hosting.Invocations;
import io.mlpipe.sagemaker.hosting.ModelLoader;
import io.mlpipe.sagemaker.hosting.Models;
import io.mlpipe.sagemaker.objects.ObjectStore;
import io.mlpipe.sagemaker.registry.ModelPackageGroups;
import io.mlpipe.sagemaker.registry.ModelPackages;
import io.mlpipe.sagemaker.training.TrainingJobRunner;
import io.mlpipe.sagemaker.training.TrainingJobs;
import io.mlpipe.sagemaker.training.TrainingLogs;
import io.mlpipe.sagemaker.training.TrainingProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Local SageMaker as the twin mounts it: the SageMaker API ({@link #apiHandler()}, AWS JSON 1.1,
 * {@code X-Amz-Target: SageMaker.<Op>} on {@code POST /}) and the runtime ({@link #runtimeHandler()},
 * {@code POST /endpoints/{name}/invocations}). Everything lives under {@code dataDir}: a new instance on the
 * same folder sees every resource again; jobs that were running are trained again, endpoints are redeployed.
 */
public final class LocalSageMaker implements AutoCloseable {
    private final AwsJsonService api;
    private final Invocations runtime;
    private final TrainingJobRunner runner;
    private final Deployments deployments;
    private final TrainingLogs logs;

    /** In region us-east-1, account 000000000000, training processes on this JVM's classpath. */
    public LocalSageMaker(Path dataDir, ObjectStore objects, Clock clock, double waitScale) {
        this(dataDir, objects, clock, waitScale, new Arns("us-east-1", "000000000000"),
                System.getProperty("java.class.path"));
    }

    /**
     * @param waitScale how much of a real endpoint's deployment time to wait (0 = at once, 1 = about a minute:
     *                  {@link Deployments#NOMINAL_DEPLOYMENT})
     * @param trainingClasspath the training processes' classpath: this module and XGBoost4J with its dependencies
     */
    public LocalSageMaker(Path dataDir, ObjectStore objects, Clock clock, double waitScale, Arns arns,
                          String trainingClasspath) {
        Path root = dataDir.resolve("sagemaker");
        ResourceStore jobStore = new ResourceStore(root.resolve("training-jobs"));
        logs = new TrainingLogs(root.resolve("logs"));
        runner = new TrainingJobRunner(jobStore, objects, clock, logs, new TrainingProcess(trainingClasspath),
                root.resolve("work"));
        runner.resumeInterruptedJobs();
        Models models = new Models(new ResourceStore(root.resolve("models")), arns, clock);
        EndpointConfigs configs = new EndpointConfigs(new ResourceStore(root.resolve("endpoint-configs")), models, arns, clock);
        ResourceStore endpointStore = new ResourceStore(root.resolve("endpoints"));
        deployments = new Deployments(endpointStore, configs, models, new ModelLoader(objects), clock, waitScale);
        Endpoints endpoints = new Endpoints(endpointStore, configs, deployments, arns, clock);
        ModelPackageGroups groups = new ModelPackageGroups(new ResourceStore(root.resolve("model-package-groups")), arns, clock);
        ModelPackages packages = new ModelPackages(new ResourceStore(root.resolve("model-packages")), groups, arns, clock);

        AwsJsonService.Builder builder = AwsJsonService.builder("SageMaker", "1.1");
        new TrainingJobs(jobStore, runner, arns, clock).register(builder);
        models.register(builder);
        configs.register(builder);
        endpoints.register(builder);
        groups.register(builder);
        packages.register(builder);
        api = builder.build();
        runtime = new Invocations(endpoints, deployments, arns.account());
        endpoints.resume();
    }

    /** The SageMaker API: mount where requests with {@code X-Amz-Target: SageMaker.*} arrive. */
    public AwsJsonService apiHandler() {
        return api;
    }

    /** The SageMaker runtime: mount on {@code /endpoints/}. */
    public HttpHandler runtimeHandler() {
        return runtime;
    }

    /** A training job's log: the twin's progress lines and everything XGBoost printed; empty if no such job ran. */
    public Optional<String> trainingLog(String trainingJobName) {
        return logs.read(trainingJobName);
    }

    @Override
    public void close() {
        runner.close();
        deployments.close();
    }
}
