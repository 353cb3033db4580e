package io.mlpipe.console.api;

import io.mlpipe.schemas.ModelsTableKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.console.Items;
import io.mlpipe.console.PipelineTables;
import io.mlpipe.console.SdkJson;
import io.mlpipe.console.http.JsonApi;
import io.mlpipe.console.http.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;

/**
 * {@code api/models}: per model, the champion pointer and the registered versions (models table), each
 * version's approval status as the model registry has it (ListModelPackages of {@code mlpipe-<model>}),
 * and the runs with their gate decision and reason (runs table), oldest first.
 */
public final class ModelOverview implements JsonApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DynamoDbClient dynamoDb;
    private final SageMakerClient sageMaker;
    private final PipelineTables tables;

    public ModelOverview(DynamoDbClient dynamoDb, SageMakerClient sageMaker, PipelineTables tables) {
        this.dynamoDb = dynamoDb;
        this.sageMaker = sageMaker;
        this.tables = tables;
    }

    @Override
    public JsonNode answer(Query query) {
        ObjectNode answer = NODES.objectNode();
        ArrayNode list = answer.putArray("models");
        PipelineTables.Names names = tables.names().orElse(null);
        if (names == null) {
            return answer;
        }
        Map<String, ObjectNode> models = new TreeMap<>();
        for (ObjectNode item : Items.scan(dynamoDb, names.models())) {
            ObjectNode model = model(models, item.path("model").asText());
            String version = item.path("version").asText();
            if (version.equals(ModelsTableKeys.CHAMPION)) {
                model.set("champion", item);
            } else if (ModelsTableKeys.isVersion(version)) {
                ((ArrayNode) model.get("versions")).add(item);
            }
        }
        for (ObjectNode run : Items.scan(dynamoDb, names.runs())) {
            if (run.hasNonNull("model")) {
                ((ArrayNode) model(models, run.path("model").asText()).get("runs")).add(run);
            }
        }
        for (ObjectNode model : models.values()) {
            sort((ArrayNode) model.get("versions"), "version");
            sort((ArrayNode) model.get("runs"), "startedAt");
            approvals(model);
            list.add(model);
        }
        return answer;
    }

    private static ObjectNode model(Map<String, ObjectNode> models, String name) {
        return models.computeIfAbsent(name, n -> {
            ObjectNode model = NODES.objectNode();
            model.put("model", n);
            model.putNull("champion");
            model.putArray("versions");
            model.putArray("runs");
            model.putArray("packages");
            return model;
        });
    }

    private static void sort(ArrayNode items, String field) {
        List<JsonNode> sorted = new ArrayList<>();
        items.forEach(sorted::add);
        sorted.sort(Comparator.comparing(item -> item.path(field).asText()));
        items.removeAll();
        items.addAll(sorted);
    }

    /** The registry is the source of truth for approval; the table's copy may lag behind a manual change. */
    private void approvals(ObjectNode model) {
        String group = "mlpipe-" + model.path("model").asText();
        List<ModelPackageSummary> packages;
        try {
            packages = sageMaker.listModelPackagesPaginator(r -> r.modelPackageGroupName(group)).modelPackageSummaryList()
                    .stream().toList();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return; // no group yet (the first run has not registered a version)
        }
        ArrayNode summaries = (ArrayNode) model.get("packages");
        for (ModelPackageSummary summary : packages) {
            summaries.add(SdkJson.of(summary));
            if (summary.modelPackageVersion() == null) {
                continue;
            }
            String version = String.format("%06d", summary.modelPackageVersion());
            for (JsonNode item : model.get("versions")) {
                if (item.path("version").asText().equals(version)) {
                    ((ObjectNode) item).put("approval", summary.modelApprovalStatusAsString());
                }
            }
        }
    }
}
