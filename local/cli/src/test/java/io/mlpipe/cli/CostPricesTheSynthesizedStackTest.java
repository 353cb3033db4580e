package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mlpipe cost` through the real command line, on the template the build synthesized. */
class CostPricesTheSynthesizedStackTest {
    @TempDir
    Path dir;

    @Test
    void printsPerRetrainPerPredictionIdleAndMonthlyTablesWithTheAssumptions() {
        Cli.Result result = Cli.run("cost");
        assertEquals(0, result.status(), result::toString);
        for (String expected : new String[] {"**Per retrain** (ends in Deployed", "| Step Functions Standard | 50 state transitions | $0.025 / 1,000 state transitions |",
                "**Per prediction request**", "**Idle, per month**", "| KMS keys | 1 key-months |", "**A month** with 30 retrains",
                "- `--training-seconds`: 180 s", "as published"}) {
            assertTrue(result.out().contains(expected), expected + " missing from\n" + result.out());
        }
    }

    @Test
    void optionsChangeTheQuantitiesAndJsonCarriesEveryLine() throws Exception {
        Path config = Files.writeString(dir.resolve("churn.json"), "{\"endpoint\":{\"mode\":\"instance\"}}");
        Cli.Result result = Cli.run("cost", "--json", "--endpoint-polls", "2", "--training-seconds", "3600", "--model-config", config.toString());
        assertEquals(0, result.status(), result::toString);
        JsonNode json = Json.MAPPER.readTree(result.out());
        assertEquals(29 + 3, json.path("stateTransitionsPerRetrain").asInt());
        JsonNode training = find(json.path("perRetrain").path("items"), "SageMaker training ml.m5.large");
        assertEquals(0.115, training.path("usd").asDouble(), 1e-9);
        assertEquals("https://aws.amazon.com/sagemaker/pricing/", training.path("source").asText());
        assertEquals(730 * 0.115, find(json.path("idlePerMonth").path("items"), "Endpoint ml.m5.large (instance mode)").path("usd").asDouble(), 1e-9);
        assertTrue(json.path("assumptions").has("--rows"), json.toPrettyString());
        assertTrue(json.path("notCounted").size() > 0, json.toPrettyString());
    }

    @Test
    void aMissingTemplateOrABadOutcomeSaysWhatToDo() {
        Cli.Result missing = Cli.run("cost", "--template", "target/none.template.json");
        assertEquals(1, missing.status());
        assertEquals("mlpipe: no synthesized template at target/none.template.json: run ./mlpipe synth or mvn package first\n", missing.err());

        Cli.Result outcome = Cli.run("cost", "--outcome", "Failed");
        assertEquals(1, outcome.status());
        assertTrue(outcome.err().contains("no Succeed state Failed: use --outcome with one of [Rejected, Deployed, Duplicate]"), outcome.err());

        Cli.Result negative = Cli.run("cost", "--rows", "-1");
        assertEquals(1, negative.status());
        assertTrue(negative.err().contains("see ./mlpipe cost --help"), negative.err());
    }

    private static JsonNode find(JsonNode items, String item) {
        for (JsonNode line : items) {
            if (line.path("item").asText().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no " + item + " in " + items);
    }
}
