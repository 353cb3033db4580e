package io.mlpipe.tasks.inference;

import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.io.EndpointInvoker;
import io.mlpipe.tasks.io.InMemoryModelTable;
import io.mlpipe.tasks.io.InMemoryObjectStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A deployed churn model (binary), with an endpoint double that records what it was sent. */
final class InferenceFixture {
    static final String BUCKET = "mlpipe-data";
    static final String FEATURES_URI = "s3://" + BUCKET + "/processed/churn/r-1/features.json";
    static final Instant NOW = Instant.parse("2026-11-26T05:20:00Z");

    final InMemoryModelTable models = new InMemoryModelTable();
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final List<String> sentCsv = new ArrayList<>();
    final List<Map<String, Object>> logged = new ArrayList<>();
    Function<String, String> endpointAnswer = csv -> "0.8\n0.3\n";

    InferenceFixture() {
        deploy("churn", ProblemType.BINARY_CLASSIFICATION, List.of(
                Feature.numeric("age"), Feature.categorical("plan", List.of("basic", "premium", "pro")),
                Feature.numeric("monthly_spend")), List.of("no", "yes"));
    }

    void deploy(String model, ProblemType type, List<Feature> features, List<Object> classes) {
        String uri = "s3://" + BUCKET + "/processed/" + model + "/r-1/features.json";
        store.put(BUCKET, "processed/" + model + "/r-1/features.json",
                new FeatureSpec(model, "r-1", "target", type, features, classes).toJson());
        models.put(version(model, "000001"));
        Map<String, Object> champion = new LinkedHashMap<>();
        champion.put("model", model);
        champion.put("version", "champion");
        champion.put("championVersion", "000001");
        champion.put("endpointName", "mlpipe-" + model);
        champion.put("modelPackageArn", "arn:aws:sagemaker:us-east-1:123456789012:model-package/mlpipe-" + model + "/1");
        champion.put("metricName", type.defaultMetric());
        champion.put("metricValue", 0.87);
        champion.put("featuresUri", uri);
        champion.put("problemType", type.id());
        champion.put("updatedAt", "2026-11-26T05:14:37Z");
        models.put(champion);
    }

    static Map<String, Object> version(String model, String version) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("model", model);
        item.put("version", version);
        item.put("modelPackageArn", "arn:aws:sagemaker:us-east-1:123456789012:model-package/mlpipe-" + model + "/" + Integer.parseInt(version));
        item.put("runId", "r-1");
        item.put("metricName", "auc");
        item.put("metricValue", 0.87);
        item.put("approval", "Approved");
        item.put("featuresUri", "s3://" + BUCKET + "/processed/" + model + "/r-1/features.json");
        item.put("artifactUri", "s3://" + BUCKET + "/models/" + model + "/job/output/model.tar.gz");
        item.put("createdAt", "2026-11-26T05:10:00Z");
        return item;
    }

    EndpointInvoker endpoint() {
        return (name, contentType, body) -> {
            sentCsv.add(body);
            return endpointAnswer.apply(body);
        };
    }

    InferenceService service() {
        return new InferenceService(models, store, endpoint(), logged::add, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofDays(30), () -> UUID.fromString("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"));
    }
}
