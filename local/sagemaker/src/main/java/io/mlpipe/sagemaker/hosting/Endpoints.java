package io.mlpipe.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.AwsJsonService;
import io.mlpipe.protocol.Json;
import io.mlpipe.sagemaker.common.Arns;
import io.mlpipe.sagemaker.common.AwsTime;
import io.mlpipe.sagemaker.common.Listing;
import io.mlpipe.sagemaker.common.Pages;
import io.mlpipe.sagemaker.common.RequestRules;
import io.mlpipe.sagemaker.common.ResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CreateEndpoint, UpdateEndpoint, DescribeEndpoint, DeleteEndpoint, ListEndpoints, and the models endpoints
 * serve. A deployment takes {@link #NOMINAL_DEPLOYMENT} times the wait scale, then loads the first variant's model;
 * during an update the previous model keeps answering until the new one is loaded and swapped in. As on AWS, a
 * failed update leaves the endpoint InService on its previous configuration with a FailureReason.
 */
public final class Endpoints implements AutoCloseable {
    /** About what a real endpoint takes to come up; scaled by the twin's wait scale (0 = at once). */
    public static final Duration NOMINAL_DEPLOYMENT = Duration.ofSeconds(60);

    private final ResourceStore endpoints;
    private final EndpointConfigs configs;
    private final Models models;
    private final ModelLoader loader;
    private final Arns arns;
    private final Clock clock;
    private final double waitScale;
    private final Map<String, LoadedModel> serving = new ConcurrentHashMap<>();
    /** The deployment each endpoint waits for; an older one finishing late (after an update or delete) is ignored. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong deployments = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sagemaker-endpoints");
        t.setDaemon(true);
        return t;
    });

    public Endpoints(ResourceStore endpoints, EndpointConfigs configs, Models models, ModelLoader loader, Arns arns,
                     Clock clock, double waitScale) {
        this.endpoints = endpoints;
        this.configs = configs;
        this.models = models;
        this.loader = loader;
        this.arns = arns;
        this.clock = clock;
        this.waitScale = waitScale;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateEndpoint", this::create)
                .operation("UpdateEndpoint", this::update)
                .operation("DescribeEndpoint", this::describe)
                .operation("DeleteEndpoint", this::delete)
                .operation("ListEndpoints", this::list);
    }

    /** The model an endpoint serves now, if it serves one. */
    public Optional<LoadedModel> serving(String endpointName) {
        return Optional.ofNullable(serving.get(endpointName));
    }

    public Optional<ObjectNode> get(String endpointName) {
        return endpoints.get(endpointName);
    }

    /** After a restart: redeploy what was InService or in progress, so a restart loses nothing. */
    public void resume() {
        for (ObjectNode endpoint : endpoints.all()) {
            String status = endpoint.path("EndpointStatus").asText();
            String name = endpoint.path("EndpointName").asText();
            if (status.equals("InService")) {
                deploy(name, endpoint.path("EndpointConfigName").asText(), false, Duration.ZERO);
            } else if (status.equals("Creating") || status.equals("Updating")) {
                deploy(name, endpoint.path("PendingEndpointConfigName").asText(endpoint.path("EndpointConfigName").asText()),
                        status.equals("Updating"), Duration.ZERO);
            }
        }
    }

    JsonNode create(JsonNode request) {
        RequestRules.of(request).required("EndpointName", "EndpointConfigName").name("EndpointName").check();
        String name = request.get("EndpointName").asText();
        String configName = request.get("EndpointConfigName").asText();
        configs.find(configName);
        String arn = arns.of("endpoint", name);
        ObjectNode endpoint = Json.object();
        endpoint.put("EndpointName", name);
        endpoint.put("EndpointArn", arn);
        endpoint.put("EndpointConfigName", configName);
        endpoint.put("EndpointStatus", "Creating");
        endpoint.set("CreationTime", AwsTime.epoch(clock.instant()));
        endpoint.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
        if (!endpoints.create(name, endpoint)) {
            throw AwsError.validation("Cannot create already existing endpoint \"" + arn + "\".");
        }
        deploy(name, configName, false, scaled());
        return Json.object().put("EndpointArn", arn);
    }

    JsonNode update(JsonNode request) {
        RequestRules.of(request).required("EndpointName", "EndpointConfigName").check();
        String name = request.get("EndpointName").asText();
        String configName = request.get("EndpointConfigName").asText();
        ObjectNode endpoint = find(name);
        configs.find(configName);
        String status = endpoint.path("EndpointStatus").asText();
        if (!status.equals("InService")) {
            throw AwsError.validation("Cannot update in-progress endpoint \"" + arns.of("endpoint", name) + "\".");
        }
        endpoints.update(name, e -> {
            e.put("EndpointStatus", "Updating");
            e.put("PendingEndpointConfigName", configName); // ours, hidden from Describe: resumes an update after a restart
            e.remove("FailureReason");
            e.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
            return e;
        });
        deploy(name, configName, true, scaled());
        return Json.object().put("EndpointArn", endpoint.path("EndpointArn").asText());
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("EndpointName").check();
        ObjectNode endpoint = find(request.get("EndpointName").asText());
        endpoint.remove("PendingEndpointConfigName");
        return endpoint;
    }

    JsonNode delete(JsonNode request) {
        RequestRules.of(request).required("EndpointName").check();
        String name = request.get("EndpointName").asText();
        find(name);
        pending.remove(name);
        endpoints.delete(name);
        serving.remove(name);
        return Json.object();
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> selected = Listing.select(request, endpoints.all(), "EndpointName", "EndpointStatus",
                Map.of("CreationTime", "CreationTime", "Name", "EndpointName", "Status", "EndpointStatus"),
                "CreationTime", "Descending");
        return Pages.page(request, selected.stream().map(e -> Listing.summary(e, "EndpointName", "EndpointArn",
                "CreationTime", "LastModifiedTime", "EndpointStatus")).toList(), "Endpoints");
    }

    private ObjectNode find(String name) {
        return endpoints.get(name).orElseThrow(() ->
                AwsError.validation("Could not find endpoint \"" + arns.of("endpoint", name) + "\"."));
    }

    private Duration scaled() {
        return Duration.ofMillis(Math.round(NOMINAL_DEPLOYMENT.toMillis() * waitScale));
    }

    private void deploy(String name, String configName, boolean isUpdate, Duration delay) {
        long id = deployments.incrementAndGet();
        pending.put(name, id);
        scheduler.schedule(() -> finish(name, configName, isUpdate, id), delay.toMillis(), TimeUnit.MILLISECONDS);
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
            if (pending.remove(name, id)) {
                serving.put(name, loaded); // the swap: requests see the old model or the new one, never none
                endpoints.update(name, e -> inService(e, configName, config, model));
            }
        } catch (ModelLoader.LoadFailure | AwsError e) {
            if (pending.remove(name, id)) {
                endpoints.update(name, endpoint -> {
                    // a failed update rolls back: the previous model is still the one serving
                    endpoint.put("EndpointStatus", isUpdate ? "InService" : "Failed");
                    endpoint.put("FailureReason", e.getMessage());
                    endpoint.remove("PendingEndpointConfigName");
                    endpoint.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
                    return endpoint;
                });
            }
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(Endpoints.class.getName()).log(java.util.logging.Level.WARNING,
                    "deployment of endpoint " + name + " failed", e);
            if (pending.remove(name, id)) {
                endpoints.update(name, endpoint -> endpoint.put("EndpointStatus", isUpdate ? "InService" : "Failed")
                        .put("FailureReason", "InternalServerError: " + e));
            }
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
