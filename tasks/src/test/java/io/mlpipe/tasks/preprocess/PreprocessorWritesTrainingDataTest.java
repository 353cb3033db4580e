package io.mlpipe.tasks.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.testing.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.BUCKET;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.RUN;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.key;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.preprocess;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Realistic files become SageMaker XGBoost CSVs, features.json and stats.json, and the output later states need. */
class PreprocessorWritesTrainingDataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            churn   | {}                     | binary_classification     | target | auc    | binary:logistic  | 0.6  | 5 | plan;region
            houses  | {"target": "price"}    | regression                | price  | rmse   | reg:squarederror |      | 4 | neighbourhood
            flowers | {}                     | multiclass_classification | target | merror | multi:softprob   | 0.5  | 4 |
            """)
    void detectsTheProblemAndWritesEveryOutput(String file, String config, String problemType, String target,
                                               String metric, String objective, Double threshold, int features,
                                               String categorical) throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore()
                .put(BUCKET, key(file), Resources.bytes("csv/" + file + ".csv"))
                .put(BUCKET, "config/" + file + ".json", config);

        Map<String, Object> out = preprocess(store, file);

        assertEquals(List.of(), Schemas.shared().problems(SchemaName.PREPROCESS_OUTPUT, out));
        assertEquals(problemType, out.get("problemType"));
        assertEquals(target, out.get("target"));
        JsonNode json = MAPPER.valueToTree(out);
        assertEquals(metric, json.at("/metric/name").asText());
        assertEquals("validation:" + metric, json.at("/metric/trainingMetricName").asText());
        assertEquals(threshold, json.at("/metric/threshold").isNull() ? null : json.at("/metric/threshold").asDouble());
        assertEquals(objective, json.at("/hyperparameters/objective").asText());
        assertEquals(metric, json.at("/hyperparameters/eval_metric").asText());
        assertEquals(problemType.startsWith("multi") ? "3" : "", json.at("/hyperparameters/num_class").asText());
        assertEquals(features, out.get("featureCount"));
        assertEquals("s3://" + BUCKET + "/processed/" + file + "/" + RUN + "/train/", out.get("trainUri"));
        assertEquals("s3://" + BUCKET + "/models/" + file + "/", out.get("outputUri"));

        String prefix = "processed/" + file + "/" + RUN + "/";
        List<String[]> train = rows(store.text(BUCKET, prefix + "train/train.csv"));
        List<String[]> validation = rows(store.text(BUCKET, prefix + "validation/validation.csv"));
        assertEquals(json.at("/rows/train").asLong(), train.size());
        assertEquals(json.at("/rows/validation").asLong(), validation.size());
        assertEquals(json.at("/rows/total").asLong(), train.size() + validation.size());
        for (String[] row : train) {
            assertEquals(1 + features, row.length, () -> "label first, then every feature: " + Arrays.toString(row));
        }

        JsonNode spec = MAPPER.readTree(store.bytes(BUCKET, prefix + "features.json"));
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.FEATURE_SPEC, spec));
        Set<String> categoricalNames = categorical == null ? Set.of() : Set.of(categorical.split(";"));
        for (JsonNode feature : spec.get("features")) {
            assertEquals(categoricalNames.contains(feature.get("name").asText()) ? "categorical" : "numeric",
                    feature.get("type").asText(), feature.toString());
        }
        JsonNode stats = MAPPER.readTree(store.bytes(BUCKET, prefix + "stats.json"));
        assertEquals(List.of(), Schemas.shared().problems(SchemaName.STATS, stats));
        assertEquals(json.at("/rows/total").asLong(), stats.at("/rows/total").asLong());
    }

    @Test
    void encodesLabelsAndCategoriesAsIndexesAndKeepsMissingValuesEmpty() throws Exception {
        String csv = "colour,size,target\n" + "red,1.5,yes\n" + "blue,,no\n" + ",2,yes\n" + "green,3,no\n";
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.repeat(1).replace("\n", "\n"))
                .put(BUCKET, "config/m.json", "{\"minRows\": 4, \"validationFraction\": 0.5}");
        preprocess(store, "m");

        String prefix = "processed/m/" + RUN + "/";
        Set<String> lines = lines(store, prefix);
        // classes sorted (no=0, yes=1), categories sorted (blue=0, green=1, red=2), numbers as written
        assertEquals(Set.of("1,2,1.5", "0,0,", "1,,2", "0,1,3"), lines);
        JsonNode spec = MAPPER.readTree(store.bytes(BUCKET, prefix + "features.json"));
        assertEquals("[\"no\",\"yes\"]", spec.get("labelClasses").toString());
        assertEquals("[\"blue\",\"green\",\"red\"]", spec.at("/features/0/categories").toString());
    }

    @Test
    void aColumnOfMostlyTextWithSomeNumbersIsCategoricalWithTheNumbersAsCategories() throws Exception {
        StringBuilder csv = new StringBuilder("size,target\n");
        String[] sizes = {"S", "M", "L", "XL", "10", "12"};
        for (int i = 0; i < 30; i++) {
            csv.append(sizes[i % sizes.length]).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toString());
        preprocess(store, "m");
        JsonNode spec = MAPPER.readTree(store.bytes(BUCKET, "processed/m/" + RUN + "/features.json"));
        assertEquals("[\"10\",\"12\",\"L\",\"M\",\"S\",\"XL\"]", spec.at("/features/0/categories").toString());
    }

    @Test
    void numericClassLabelsAreSortedAsNumbersAndKeptAsNumbers() throws Exception {
        StringBuilder csv = new StringBuilder("x,target\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(new String[] {"10", "9", "10.0"}[i % 3]).append('\n');
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toString());
        Map<String, Object> out = preprocess(store, "m");

        assertEquals("binary_classification", out.get("problemType"));
        JsonNode spec = MAPPER.readTree(store.bytes(BUCKET, "processed/m/" + RUN + "/features.json"));
        assertEquals("[9,10]", spec.get("labelClasses").toString());
        Set<String> labels = lines(store, "processed/m/" + RUN + "/").stream().map(l -> l.split(",")[0])
                .collect(Collectors.toSet());
        assertEquals(Set.of("0", "1"), labels);
    }

    @Test
    void rowsWithoutATargetAreLeftOutAndCounted() throws Exception {
        String csv = PreprocessorTestSupport.csv(30) + "33,4000,\n" + "34,4100,NA\n";
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv);
        Map<String, Object> out = preprocess(store, "m");

        assertEquals(30L, ((Map<?, ?>) out.get("rows")).get("total"));
        JsonNode stats = MAPPER.readTree(store.bytes(BUCKET, "processed/m/" + RUN + "/stats.json"));
        assertEquals(2, stats.at("/rows/withoutTarget").asInt());
        assertEquals(10, stats.at("/classBalance/yes").asInt());
        assertEquals(20, stats.at("/classBalance/no").asInt());
    }

    @Test
    void theSameFileAlwaysSplitsTheSameWay() {
        byte[] data = Resources.bytes("csv/churn.csv");
        InMemoryObjectStore first = new InMemoryObjectStore().put(BUCKET, key("churn"), data);
        InMemoryObjectStore second = new InMemoryObjectStore().put(BUCKET, key("churn"), data);
        preprocess(first, "churn");
        preprocess(second, "churn");
        String validation = "processed/churn/" + RUN + "/validation/validation.csv";
        assertArrayEquals(first.bytes(BUCKET, validation), second.bytes(BUCKET, validation));
    }

    @Test
    void configurationOverridesDefaults() throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore()
                .put(BUCKET, key("churn"), Resources.bytes("csv/churn.csv"))
                .put(BUCKET, "config/churn.json", """
                        {"metric": {"name": "logloss", "minImprovement": 0.01},
                         "hyperparameters": {"num_round": "300", "subsample": "0.8"},
                         "validationFraction": 0.3,
                         "training": {"instanceType": "ml.m5.xlarge"},
                         "endpoint": {"mode": "instance", "instanceCount": 2}}""");
        JsonNode out = MAPPER.valueToTree(preprocess(store, "churn"));

        assertEquals("logloss", out.at("/metric/name").asText());
        assertEquals("minimize", out.at("/metric/direction").asText());
        assertTrue(out.at("/metric/threshold").isNull(), "no default threshold for a non-default metric");
        assertEquals(0.01, out.at("/metric/minImprovement").asDouble());
        assertEquals("300", out.at("/hyperparameters/num_round").asText());
        assertEquals("0.8", out.at("/hyperparameters/subsample").asText());
        assertEquals("5", out.at("/hyperparameters/max_depth").asText());
        assertEquals("ml.m5.xlarge", out.at("/training/instanceType").asText());
        assertEquals(3600, out.at("/training/maxRuntimeSeconds").asInt());
        assertEquals("instance", out.at("/endpoint/mode").asText());
        assertEquals(2, out.at("/endpoint/instanceCount").asInt());
        double share = out.at("/rows/validation").asDouble() / out.at("/rows/total").asDouble();
        assertTrue(share > 0.2 && share < 0.4, "validation share " + share);
    }

    @Test
    void trainingJobNameCarriesModelTimeAndRun() {
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("churn"), Resources.bytes("csv/churn.csv"));
        String name = (String) preprocess(store, "churn").get("trainingJobName");
        assertTrue(name.matches("^mlpipe-churn-20261126050000-[0-9a-f]{6}$"), name);
    }

    private static Set<String> lines(InMemoryObjectStore store, String prefix) {
        String all = store.text(BUCKET, prefix + "train/train.csv") + store.text(BUCKET, prefix + "validation/validation.csv");
        return all.lines().collect(Collectors.toSet());
    }

    private static List<String[]> rows(String csv) {
        return csv.lines().map(line -> line.split(",", -1)).toList();
    }
}
