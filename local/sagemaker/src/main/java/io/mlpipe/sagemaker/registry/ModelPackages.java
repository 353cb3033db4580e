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

/**
 * Versioned model packages: CreateModelPackage (version 1, 2, ... in its group), DescribeModelPackage,
 * UpdateModelPackage, ListModelPackages. Stored under {@code <group>/<version>}.
 */
public final class ModelPackages {
    private static final List<String> APPROVALS = List.of("Approved", "Rejected", "PendingManualApproval");

    private final ResourceStore packages;
    private final ModelPackageGroups groups;
    private final Arns arns;
    private final Clock clock;

    public ModelPackages(ResourceStore packages, ModelPackageGroups groups, Arns arns, Clock clock) {
        this.packages = packages;
        this.groups = groups;
        this.arns = arns;
        this.clock = clock;
    }

    public void register(AwsJsonService.Builder api) {
        api.operation("CreateModelPackage", this::create)
                .operation("DescribeModelPackage", this::describe)
                .operation("UpdateModelPackage", this::update)
                .operation("ListModelPackages", this::list);
    }

    JsonNode create(JsonNode request) {
        RequestRules.of(request).oneOf("ModelApprovalStatus", APPROVALS).check();
        if (request.has("ModelPackageName")) {
            throw AwsError.validation("Unversioned model packages (ModelPackageName) are not supported locally; "
                    + "give ModelPackageGroupName");
        }
        if (!request.has("ModelPackageGroupName")) {
            throw AwsError.validation("Missing ARN.");
        }
        ObjectNode group = groups.find(request.get("ModelPackageGroupName").asText());
        String groupName = group.get("ModelPackageGroupName").asText();
        synchronized (this) { // versions are handed out one at a time
            long version = 1 + packages.all().stream()
                    .filter(p -> p.path("ModelPackageGroupName").asText().equals(groupName))
                    .mapToLong(p -> p.path("ModelPackageVersion").asLong()).max().orElse(0);
            String arn = arns.modelPackage(groupName, version);
            ObjectNode pkg = Json.object();
            pkg.put("ModelPackageName", groupName);
            pkg.put("ModelPackageGroupName", groupName);
            pkg.put("ModelPackageVersion", version);
            pkg.put("ModelPackageArn", arn);
            for (String field : List.of("ModelPackageDescription", "InferenceSpecification", "ModelMetrics",
                    "CustomerMetadataProperties", "MetadataProperties", "Domain", "Task", "SamplePayloadUrl",
                    "DriftCheckBaselines", "SourceUri")) {
                if (request.has(field)) {
                    pkg.set(field, request.get(field));
                }
            }
            pkg.set("CreationTime", AwsTime.epoch(clock.instant()));
            pkg.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
            pkg.put("ModelPackageStatus", "Completed");
            ObjectNode details = pkg.putObject("ModelPackageStatusDetails");
            details.putArray("ValidationStatuses");
            details.putArray("ImageScanStatuses");
            pkg.put("CertifyForMarketplace", request.path("CertifyForMarketplace").asBoolean(false));
            pkg.put("ModelApprovalStatus", request.path("ModelApprovalStatus").asText("PendingManualApproval"));
            packages.create(key(groupName, version), pkg);
            return Json.object().put("ModelPackageArn", arn);
        }
    }

    JsonNode describe(JsonNode request) {
        RequestRules.of(request).required("ModelPackageName").check();
        return find(request.get("ModelPackageName").asText());
    }

    JsonNode update(JsonNode request) {
        RequestRules.of(request).required("ModelPackageArn").oneOf("ModelApprovalStatus", APPROVALS).check();
        ObjectNode pkg = find(request.get("ModelPackageArn").asText());
        String key = key(pkg.get("ModelPackageGroupName").asText(), pkg.get("ModelPackageVersion").asLong());
        packages.update(key, p -> {
            if (request.has("ModelApprovalStatus")) {
                p.put("ModelApprovalStatus", request.get("ModelApprovalStatus").asText());
            }
            if (request.has("ApprovalDescription")) {
                p.put("ApprovalDescription", request.get("ApprovalDescription").asText());
            }
            if (request.has("CustomerMetadataProperties")) {
                p.with("CustomerMetadataProperties").setAll((ObjectNode) request.get("CustomerMetadataProperties"));
            }
            for (JsonNode removed : request.path("CustomerMetadataPropertiesToRemove")) {
                p.with("CustomerMetadataProperties").remove(removed.asText());
            }
            for (String field : List.of("InferenceSpecification", "ModelCard", "SourceUri")) {
                if (request.has(field)) {
                    p.set(field, request.get(field));
                }
            }
            p.set("LastModifiedTime", AwsTime.epoch(clock.instant()));
            return p;
        });
        return Json.object().put("ModelPackageArn", pkg.get("ModelPackageArn").asText());
    }

    JsonNode list(JsonNode request) {
        List<ObjectNode> candidates = packages.all().stream()
                .filter(p -> !request.has("ModelPackageGroupName") || p.path("ModelPackageGroupName").asText()
                        .equals(groupName(request.get("ModelPackageGroupName").asText())))
                .filter(p -> !request.has("ModelApprovalStatus")
                        || p.path("ModelApprovalStatus").asText().equals(request.get("ModelApprovalStatus").asText()))
                .filter(p -> !request.path("ModelPackageType").asText("Both").equals("Unversioned"))
                .toList();
        List<ObjectNode> selected = Listing.select(request, candidates, "ModelPackageName", null,
                Map.of("CreationTime", "CreationTime", "Name", "ModelPackageName"), "CreationTime", "Ascending");
        return Pages.page(request, selected.stream().map(p -> Listing.summary(p, "ModelPackageName",
                "ModelPackageGroupName", "ModelPackageVersion", "ModelPackageArn", "ModelPackageDescription",
                "CreationTime", "ModelPackageStatus", "ModelApprovalStatus")).toList(), "ModelPackageSummaryList");
    }

    /** A versioned package by its ARN ({@code ...:model-package/<group>/<version>}). */
    private ObjectNode find(String arn) {
        String[] parts = arn.split(":model-package/");
        String[] groupAndVersion = parts.length == 2 ? parts[1].split("/") : new String[0];
        if (groupAndVersion.length == 2) {
            for (ObjectNode p : packages.all()) {
                if (p.path("ModelPackageArn").asText().equals(arn)) {
                    return p;
                }
            }
        }
        throw AwsError.validation("ModelPackage " + arn + " does not exist.");
    }

    private String groupName(String nameOrArn) {
        return groups.find(nameOrArn).get("ModelPackageGroupName").asText();
    }

    private static String key(String group, long version) {
        return group + "/" + String.format("%06d", version);
    }
}
