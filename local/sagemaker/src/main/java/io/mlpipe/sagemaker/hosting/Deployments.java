package io.mlpipe.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.sagemaker.common.AwsTime;
import io.mlpipe.sagemaker.common.ResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What endpoints serve. A deployment waits {@link #NOMINAL_DEPLOYMENT} times the wait scale, loads the first
 * variant's model, then swaps it in: during an update the previous model answers until that moment. As on AWS,
 * a failed update leaves the endpoint InService on its previous configuration, with a FailureReason.
 */
public final class Deployments implements AutoCloseable {
    /** About what a real endpoint takes to come up; scaled by the twin's wait scale (0 = at once). */
    public static final Duration NOMINAL_DEPLOYMENT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(Deployments.class.getName());

    private final ResourceStore endpoints;
    private final EndpointConfigs configs;
    private final Models models;
    private final ModelLoader loader;
    private final Clock clock;
    private final double waitScale;
    private final Map<String, LoadedModel> serving = new ConcurrentHashMap<>();
    /** The deployment each endpoint waits for; an older one finishing late (after an update or delete) is ignored. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sagemaker-deployments");
        t.setDaemon(true);
        return t;
    });

    public Deployments(ResourceStore endpoints, EndpointConfigs configs, Models models, ModelLoader loader, Clock clock,
                       double waitScale) {
        this.endpoints = endpoints;
        this.configs = configs;
        this.models = models;
        this.loader = loader;
        this.clock = clock;
        this.waitScale = waitScale;
    }

    /** The model an endpoint serves now, if it serves one. */
    public Optional<LoadedModel> serving(String endpointName) {
        return Optional.ofNullable(serving.get(endpointName));
    }

    /** Deploys {@code configName} to the endpoint after the scaled deployment time. */
    void deploy(String endpointName, String configName, boolean isUpdate) {
        deploy(endpointName, configName, isUpdate, Duration.ofMillis(Math.round(NOMINAL_DEPLOYMENT.toMillis() * waitScale)));
    }

    /** After a restart: load again what was InService or on its way there. */
    void redeploy(String endpointName, String configName, boolean isUpdate) {
        deploy(endpointName, configName, isUpdate, Duration.ZERO);
    }

    /** Locked with the swap, so a deployment finishing during a delete cannot bring the endpoint back. */
    synchronized void undeploy(String endpointName) {
        pending.remove(endpointName);
        serving.remove(endpointName);
    }

    private void deploy(String endpointName, String configName, boolean isUpdate, Duration delay) {
        long id = ids.incrementAndGet();
        pending.put(endpointName, id);
        scheduler.schedule(() -> finish(endpointName, configName, isUpdate, id), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(String name, String configName, boolean isUpdate, long id) {
        if (!Long.valueOf(id).equals(pending.get(name))) {
            return;
        }
        try {
            ObjectNode config = configs.find(configName);
            JsonNode variant = config.path("ProductionVariants").path(0);
            ObjectNode model = models.find(variant.path("ModelName").asText());
            LoadedModel loaded = loader.load(model, variant.path("VariantName").asText());
            synchronized (this) {
                if (pending.remove(name, id)) {
                    serving.put(name, loaded); // the swap: a request sees the old model or the new one, never none
                    endpoints.update(name, e -> inService(e, configName, config, model));
                }
            }
        } catch (ModelLoader.LoadFailure | AwsError e) {
            failed(name, id, isUpdate, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deployment of endpoint " + name + " failed", e);
            failed(name, id, isUpdate, "InternalServerError: " + e);
        }
    }

    private void failed(String name, long id, boolean isUpdate, String reason) {
        if (pending.remove(name, id)) {
            endpoints.update(name, endpoint -> {
                // a failed update rolls back: the previous model is still the one serving
                endpoint.put("EndpointStatus", isUpdate ? "InService" : "Failed");
                endpoint.put("FailureReason", reason);
                endpoint.remove("PendingEndpointConfigName");
                endpoint.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
                return endpoint;
            });
        }
    }

    private ObjectNode inService(ObjectNode endpoint, String configName, ObjectNode config, ObjectNode model) {
        endpoint.put("EndpointStatus", "InService");
        endpoint.put("EndpointConfigName", configName);
        endpoint.remove("FailureReason");
        endpoint.remove("PendingEndpointConfigName");
        endpoint.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
        ArrayNode variants = endpoint.putArray("ProductionVariants");
        JsonNode container = model.has("PrimaryContainer") ? model.get("PrimaryContainer") : model.path("Containers").path(0);
        for (JsonNode v : config.path("ProductionVariants")) {
            ObjectNode deployed = variants.addObject();
            deployed.put("VariantName", v.path("VariantName").asText());
            deployed.putArray("DeployedImages").addObject()
                    .put("SpecifiedImage", container.path("Image").asText())
                    .put("ResolvedImage", container.path("Image").asText())
                    .set("ResolutionTime", AwsTime.epoch(clock.instant()));
            double weight = v.path("InitialVariantWeight").asDouble(1.0);
            deployed.put("CurrentWeight", weight).put("DesiredWeight", weight);
            if (v.has("ServerlessConfig")) {
                deployed.set("CurrentServerlessConfig", v.get("ServerlessConfig"));
                deployed.set("DesiredServerlessConfig", v.get("ServerlessConfig"));
            } else {
                deployed.put("CurrentInstanceCount", v.path("InitialInstanceCount").asInt(1));
                deployed.put("DesiredInstanceCount", v.path("InitialInstanceCount").asInt(1));
            }
        }
        return endpoint;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
