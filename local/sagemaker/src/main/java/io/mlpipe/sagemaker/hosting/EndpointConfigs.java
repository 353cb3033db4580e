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

/** CreateEndpointConfig, DescribeEndpointConfig, DeleteEndpointConfig, ListEndpointConfigs. */
public final class EndpointConfigs {
    private final ResourceStore configs;
    private final Models models;
    private final Arns arns;
    private final Clock clock;

    public EndpointConfigs(ResourceStore configs, Models models, Arns arns, Clock clock) {
        this.configs = configs;
        this.models = models;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateEndpointConfig", this::create)
                .operation("DescribeEndpointConfig", this::describe)
                .operation("DeleteEndpointConfig", this::delete)
                .operation("ListEndpointConfigs", this::list);
    }

    JsonNode create(JsonNode request) {
        RequestRules rules = RequestRules.of(request)
                .required("EndpointConfigName", "ProductionVariants")
                .name("EndpointConfigName")
                .notEmpty("ProductionVariants");
        JsonNode variants = request.path("ProductionVariants");
        for (int i = 0; i < variants.size(); i++) {
            String v = "ProductionVariants." + i;
            rules.required(v + ".VariantName", v + ".ModelName").name(v + ".VariantName")
                    .range(v + ".InitialInstanceCount", 1, Long.MAX_VALUE)
                    .range(v + ".ServerlessConfig.MemorySizeInMB", 1024, 6144)
                    .range(v + ".ServerlessConfig.MaxConcurrency", 1, 200);
        }
        rules.check();
        for (JsonNode variant : variants) {
            boolean serverless = variant.has("ServerlessConfig");
            boolean instance = variant.has("InstanceType");
            if (serverless == instance) {
                throw AwsError.validation("Variant " + variant.path("VariantName").asText()
                        + " must specify either InstanceType and InitialInstanceCount, or ServerlessConfig");
            }
            models.find(variant.get("ModelName").asText());
        }
        String name = request.get("EndpointConfigName").asText();
        String arn = arns.of("endpoint-config", name);
        ObjectNode config = Json.object();
        config.put("EndpointConfigName", name);
        config.put("EndpointConfigArn", arn);
        config.set("ProductionVariants", variants);
        for (String optional : List.of("DataCaptureConfig", "KmsKeyId", "AsyncInferenceConfig")) {
            if (request.has(optional)) {
                config.set(optional, request.get(optional));
            }
        }
        config.set("CreationTime", AwsTime.epoch(clock.instant()));
        if (!configs.create(name, config)) {
            throw AwsError.validation("Cannot create already existing endpoint configuration \"" + arn + "\".");
        }
        return Json.object().put("EndpointConfigArn", arn);
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("EndpointConfigName").check();
        return find(request.get("EndpointConfigName").asText());
    }

    public ObjectNode find(String name) {
        return configs.get(name).orElseThrow(() -> AwsError.validation(
                "Could not find endpoint configuration \"" + arns.of("endpoint-config", name) + "\"."));
    }

    JsonNode delete(JsonNode request) {
        RequestRules.of(request).required("EndpointConfigName").check();
        String name = request.get("EndpointConfigName").asText();
        if (!configs.delete(name)) {
            throw AwsError.validation("Could not find endpoint configuration \""
                    + arns.of("endpoint-config", name) + "\".");
        }
        return Json.object();
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> selected = Listing.select(request, configs.all(), "EndpointConfigName", null,
                Map.of("CreationTime", "CreationTime", "Name", "EndpointConfigName"), "CreationTime", "Descending");
        return Pages.page(request, selected.stream()
                .map(c -> Listing.summary(c, "EndpointConfigName", "EndpointConfigArn", "CreationTime")).toList(),
                "EndpointConfigs");
    }
}
