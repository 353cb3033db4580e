package io.mlpipe.tasks.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.tracing.TracingUtils;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Powertools around one invocation, through its functional API (no AspectJ weaving): JSON logs with the Lambda
 * context, EMF metrics flushed at the end, and an X-Ray subsegment when running on Lambda (outside Lambda, e.g.
 * in the local twin, there is no X-Ray segment to attach to).
 */
public final class Telemetry {
    private final Metrics metrics;
    private final boolean tracing;

    public Telemetry(Map<String, String> env, String defaultService) {
        emfEnvironment(env);
        this.metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "mlpipe"));
        metrics.setDefaultDimensions(DimensionSet.of("service", env.getOrDefault("POWERTOOLS_SERVICE_NAME", defaultService)));
        this.tracing = env.containsKey("LAMBDA_TASK_ROOT") && !"true".equals(env.get("POWERTOOLS_TRACE_DISABLED"));
    }

    /**
     * The EMF environment the function's environment names, when the process has none: the twin hands a function
     * its environment as a map ({@code AWS_EMF_ENVIRONMENT=Local}), but EMF reads only the process's. Without it,
     * off Lambda, EMF sends every flush to a CloudWatch agent on localhost:25888 that is not there, retrying on a
     * thread that keeps the JVM alive, logs a warning per flush, and the metrics never reach the function's log.
     */
    private static void emfEnvironment(Map<String, String> env) {
        String wanted = env.get("AWS_EMF_ENVIRONMENT");
        if (wanted == null || System.getenv("AWS_EMF_ENVIRONMENT") != null) {
            return;
        }
        for (Environments environment : Environments.values()) {
            if (environment.name().equalsIgnoreCase(wanted.trim())) {
                EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(environment);
            }
        }
    }

    /** Runs {@code work} with logging context, an optional trace subsegment, and a metrics flush. */
    public <T> T invocation(Context context, String subsegment, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, () -> {
            metrics.captureColdStartMetric(context);
            try {
                return tracing ? traced(subsegment, work) : work.get();
            } finally {
                metrics.flush();
            }
        });
    }

    public void count(String name, double value) {
        metrics.addMetric(name, value, MetricUnit.COUNT);
    }

    public void milliseconds(String name, double value) {
        metrics.addMetric(name, value, MetricUnit.MILLISECONDS);
    }

    private static <T> T traced(String name, Supplier<T> work) {
        Object[] result = new Object[1];
        RuntimeException[] failure = new RuntimeException[1];
        TracingUtils.withSubsegment(name, subsegment -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException e) {
                subsegment.addException(e);
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
