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

/** CreateModel, DescribeModel, DeleteModel, ListModels: a model is an image plus its artifact. */
public final class Models {
    private final ResourceStore models;
    private final Arns arns;
    private final Clock clock;

    public Models(ResourceStore models, Arns arns, Clock clock) {
        this.models = models;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateModel", this::create)
                .operation("DescribeModel", this::describe)
                .operation("DeleteModel", this::delete)
                .operation("ListModels", this::list);
    }

    JsonNode create(JsonNode request) {
        RequestRules.of(request).required("ModelName").name("ModelName").check();
        JsonNode container = request.has("PrimaryContainer") ? request.get("PrimaryContainer")
                : request.path("Containers").path(0);
        if (container.isMissingNode()) {
            throw AwsError.validation("Either PrimaryContainer or Containers must be specified");
        }
        String name = request.get("ModelName").asText();
        String arn = arns.of("model", name);
        ObjectNode model = Json.object();
        model.put("ModelName", name);
        if (request.has("PrimaryContainer")) {
            model.set("PrimaryContainer", request.get("PrimaryContainer"));
        } else {
            model.set("Containers", request.get("Containers"));
        }
        if (request.has("ExecutionRoleArn")) {
            model.put("ExecutionRoleArn", request.get("ExecutionRoleArn").asText());
        }
        if (request.has("VpcConfig")) {
            model.set("VpcConfig", request.get("VpcConfig"));
        }
        model.set("CreationTime", AwsTime.epoch(clock.instant()));
        model.put("ModelArn", arn);
        model.put("EnableNetworkIsolation", request.path("EnableNetworkIsolation").asBoolean(false));
        if (!models.create(name, model)) {
            throw AwsError.validation("Cannot create already existing model \"" + arn + "\".");
        }
        return Json.object().put("ModelArn", arn);
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("ModelName").check();
        return find(request.get("ModelName").asText());
    }

    /** The model's description, or AWS's "Could not find model" ValidationException. */
    public ObjectNode find(String name) {
        return models.get(name).orElseThrow(() ->
                AwsError.validation("Could not find model \"" + arns.of("model", name) + "\"."));
    }

    JsonNode delete(JsonNode request) {
        RequestRules.of(request).required("ModelName").check();
        String name = request.get("ModelName").asText();
        if (!models.delete(name)) {
            throw AwsError.validation("Could not find model \"" + arns.of("model", name) + "\".");
        }
        return Json.object();
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> selected = Listing.select(request, models.all(), "ModelName", null,
                Map.of("CreationTime", "CreationTime", "Name", "ModelName"), "CreationTime", "Descending");
        return Pages.page(request, selected.stream()
                .map(m -> Listing.summary(m, "ModelName", "ModelArn", "CreationTime")).toList(), "Models");
    }
}
