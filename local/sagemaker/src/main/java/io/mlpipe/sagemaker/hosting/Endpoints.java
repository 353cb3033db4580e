package io.mlpipe.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateEndpoint, UpdateEndpoint, DescribeEndpoint, DeleteEndpoint, ListEndpoints. The status moves from
 * Creating or Updating to InService (or Failed) when {@link Deployments} is done.
 */
public final class Endpoints {
    private final ResourceStore endpoints;
    private final EndpointConfigs configs;
    private final Deployments deployments;
    private final Arns arns;
    private final Clock clock;

    public Endpoints(ResourceStore endpoints, EndpointConfigs configs, Deployments deployments, Arns arns, Clock clock) {
        this.endpoints = endpoints;
        this.configs = configs;
        this.deployments = deployments;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateEndpoint", this::create)
                .operation("UpdateEndpoint", this::update)
                .operation("DescribeEndpoint", this::describe)
                .operation("DeleteEndpoint", this::delete)
                .operation("ListEndpoints", this::list);
    }

    public Optional<ObjectNode> get(String endpointName) {
        return endpoints.get(endpointName);
    }

    /** After a restart: deploy again what was InService or on its way there, so a restart loses nothing. */
    public void resume() {
        for (ObjectNode endpoint : endpoints.all()) {
            String status = endpoint.path("EndpointStatus").asText();
            String name = endpoint.path("EndpointName").asText();
            String config = endpoint.path("EndpointConfigName").asText();
            switch (status) {
                case "InService", "Creating" -> deployments.redeploy(name, config, false);
                case "Updating" -> deployments.redeploy(name, endpoint.path("PendingEndpointConfigName").asText(config), true);
                default -> { }
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
        deployments.deploy(name, configName, false);
        return Json.object().put("EndpointArn", arn);
    }

    JsonNode update(JsonNode request) {
        RequestRules.of(request).required("EndpointName", "EndpointConfigName").check();
        String name = request.get("EndpointName").asText();
        String configName = request.get("EndpointConfigName").asText();
        ObjectNode endpoint = find(name);
        configs.find(configName);
        // checked inside the store's update, so of two concurrent updates exactly one wins, as on AWS
        endpoints.update(name, e -> {
            if (!e.path("EndpointStatus").asText().equals("InService")) {
                throw AwsError.validation("Cannot update in-progress endpoint \"" + arns.of("endpoint", name) + "\".");
            }
            e.put("EndpointStatus", "Updating");
            e.put("PendingEndpointConfigName", configName); // ours, hidden from Describe: resumes an update after a restart
            e.remove("FailureReason");
            e.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
            return e;
        });
        deployments.deploy(name, configName, true);
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
        endpoints.delete(name);
        deployments.undeploy(name);
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
}
