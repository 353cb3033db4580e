package io.mlpipe.sagemaker.registry;

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

/** CreateModelPackageGroup, DescribeModelPackageGroup, ListModelPackageGroups. */
public final class ModelPackageGroups {
    private final ResourceStore groups;
    private final Arns arns;
    private final Clock clock;

    public ModelPackageGroups(ResourceStore groups, Arns arns, Clock clock) {
        this.groups = groups;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateModelPackageGroup", this::create)
                .operation("DescribeModelPackageGroup", this::describe)
                .operation("ListModelPackageGroups", this::list);
    }

    JsonNode create(JsonNode request) {
        RequestRules.of(request).required("ModelPackageGroupName").name("ModelPackageGroupName").check();
        String name = request.get("ModelPackageGroupName").asText();
        String arn = arns.of("model-package-group", name);
        ObjectNode group = Json.object();
        group.put("ModelPackageGroupName", name);
        group.put("ModelPackageGroupArn", arn);
        if (request.has("ModelPackageGroupDescription")) {
            group.put("ModelPackageGroupDescription", request.get("ModelPackageGroupDescription").asText());
        }
        group.set("CreationTime", AwsTime.epoch(clock.instant()));
        group.putObject("CreatedBy");
        group.put("ModelPackageGroupStatus", "Completed");
        if (!groups.create(name, group)) {
            throw AwsError.validation("Model Package Group already exists: " + arn);
        }
        return Json.object().put("ModelPackageGroupArn", arn);
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("ModelPackageGroupName").check();
        return find(nameOf(request.get("ModelPackageGroupName").asText()));
    }

    /** The group, by name or ARN; AWS's "does not exist" ValidationException otherwise. */
    public ObjectNode find(String nameOrArn) {
        String name = nameOf(nameOrArn);
        return groups.get(name).orElseThrow(() ->
                AwsError.validation("ModelPackageGroup " + name + " does not exist."));
    }

    private static String nameOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> selected = Listing.select(request, groups.all(), "ModelPackageGroupName", null,
                Map.of("CreationTime", "CreationTime", "Name", "ModelPackageGroupName"), "CreationTime", "Ascending");
        return Pages.page(request, selected.stream().map(g -> Listing.summary(g, "ModelPackageGroupName",
                "ModelPackageGroupArn", "ModelPackageGroupDescription", "CreationTime", "ModelPackageGroupStatus"))
                .toList(), "ModelPackageGroupSummaryList");
    }
}
