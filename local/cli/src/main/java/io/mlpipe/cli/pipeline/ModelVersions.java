package io.mlpipe.cli.pipeline;

import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.schemas.ModelsTableKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The models table: one item per registered version, the champion pointer, the deployment lease. */
public final class ModelVersions {
    public static final String CHAMPION = ModelsTableKeys.CHAMPION;

    private ModelVersions() {
    }

    public record Version(String version, String metricName, String metricValue, String approval, String createdAt,
                          String modelPackageArn, String runId) {
    }

    public record Champion(String version, String metricName, String metricValue, String endpointName, String problemType,
                           String updatedAt) {
    }

    /** Versions oldest first; the champion pointer separately (null when none). */
    public record Model(String name, List<Version> versions, Champion champion) {
    }

    public static Model of(Pipeline pipeline, String model) {
        List<Version> versions = new ArrayList<>();
        Champion champion = null;
        for (Map<String, AttributeValue> item : pipeline.dynamoDb().queryPaginator(r -> r
                .tableName(pipeline.resources().table("models")).keyConditionExpression("#m = :m")
                .expressionAttributeNames(Map.of("#m", "model"))
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(model)))).items()) {
            if (CHAMPION.equals(s(item, "version"))) {
                champion = new Champion(s(item, "championVersion"), s(item, "metricName"), n(item, "metricValue"),
                        s(item, "endpointName"), s(item, "problemType"), s(item, "updatedAt"));
            } else if (ModelsTableKeys.isVersion(s(item, "version"))) {
                versions.add(new Version(s(item, "version"), s(item, "metricName"), n(item, "metricValue"),
                        s(item, "approval"), s(item, "createdAt"), s(item, "modelPackageArn"), s(item, "runId")));
            }
        }
        return new Model(model, versions, champion);
    }

    /** Every model with at least one version (a scan: the table holds versions, not thousands of models). */
    public static List<String> names(Pipeline pipeline) {
        TreeSet<String> names = new TreeSet<>();
        pipeline.dynamoDb().scanPaginator(r -> r.tableName(pipeline.resources().table("models"))
                        .projectionExpression("#m").expressionAttributeNames(Map.of("#m", "model")))
                .items().forEach(item -> names.add(s(item, "model")));
        return List.copyOf(names);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.n() != null ? value.n() : value.s();
    }
}
