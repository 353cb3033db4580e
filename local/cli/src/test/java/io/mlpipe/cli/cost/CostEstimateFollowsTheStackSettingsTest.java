package io.mlpipe.cli.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.local.RepositoryRoot;
import io.mlpipe.protocol.Json;
import io.mlpipe.tasks.preprocess.ModelConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimateFollowsTheStackSettingsTest {
    static final PriceTable PRICES = PriceTable.usEast1();

    /** A one-function stack: a state machine that invokes it once. */
    static StackSettings stack(int memoryMb, String architecture) throws Exception {
        String template = """
            {"Resources":{
              "Fn":{"Type":"AWS::Lambda::Function","Properties":{"MemorySize":%d,"Architectures":["%s"],"Runtime":"java21"}},
              "Sm":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"StateMachineType":"STANDARD",
                "DefinitionString":{"Fn::Join":["",["{\\"StartAt\\":\\"P\\",\\"States\\":{\\"P\\":{\\"Type\\":\\"Task\\",",
                  "\\"Resource\\":\\"arn:aws:states:::lambda:invoke\\",\\"Parameters\\":{\\"FunctionName\\":\\"",{"Ref":"Fn"},
                  "\\"},\\"Next\\":\\"Done\\"},\\"Done\\":{\\"Type\\":\\"Succeed\\"}}}"]]}}}}}""".formatted(memoryMb, architecture);
        return StackSettings.of(Json.MAPPER.readTree(template), "Test");
    }

    static LineItem line(List<LineItem> items, String prefix) {
        return items.stream().filter(i -> i.item().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + items));
    }

    record Duration(int memoryMb, String architecture, double seconds, double gbSeconds, double usdPerGbSecond) {
    }

    @Test
    void lambdaDurationIsMemoryTimesSecondsAtTheArchitecturesPrice() throws Exception {
        List<Duration> cases = List.of(
                new Duration(1024, "x86_64", 5, 5, 0.0000166667),
                new Duration(2048, "x86_64", 5, 10, 0.0000166667),
                new Duration(512, "arm64", 10, 5, 0.0000133334),
                new Duration(3008, "arm64", 1, 3008 / 1024.0, 0.0000133334));
        for (Duration c : cases) {
            Usage usage = new Usage(1000, 35, c.seconds(), 60, 1, "Done", 1, 0, 50, 100, 1024, 1024, 2048, ModelConfig.defaults());
            LineItem duration = line(CostEstimate.of(stack(c.memoryMb(), c.architecture()), usage, PRICES).perRetrain(), "Lambda Fn");
            assertEquals(c.gbSeconds(), duration.quantity(), 1e-9, c.toString());
            assertEquals(c.gbSeconds() * c.usdPerGbSecond(), duration.usd(), 1e-12, c.toString());
        }
    }

    record Endpoint(String config, String idleItem, double idleUsd, String retrainItem, double retrainUsd, double predictionEndpointUsd) {
    }

    @Test
    void anInstanceEndpointCostsByTheHourAndAServerlessOneByTheRequest() {
        StackSettings stack = StackSettings.read(RepositoryRoot.template());
        List<Endpoint> cases = List.of(
                // 2048 MB x 100 ms = 0.2 GB-s at $0.00002, and 1 KB of data at $0.016 per GB
                new Endpoint("{}", "Endpoint (serverless)", 0, "Endpoint update (serverless)", 0, 0.2 * 0.00002 + 1024 / 1e9 * 0.016),
                // 730 h x $0.115; the update runs a new instance for 8 polls x 30 s
                new Endpoint("{\"endpoint\":{\"mode\":\"instance\"}}", "Endpoint ml.m5.large", 730 * 0.115,
                        "Endpoint update ml.m5.large", 240 / 3600.0 * 0.115, 0),
                new Endpoint("{\"endpoint\":{\"mode\":\"instance\",\"instanceType\":\"ml.m5.xlarge\",\"instanceCount\":2}}",
                        "Endpoint ml.m5.xlarge", 2 * 730 * 0.23, "Endpoint update ml.m5.xlarge", 2 * 240 / 3600.0 * 0.23, 0));
        for (Endpoint c : cases) {
            Usage usage = Usage.defaults().withModel(ModelConfig.parse(c.config().getBytes(StandardCharsets.UTF_8), "config"));
            CostEstimate estimate = CostEstimate.of(stack, usage, PRICES);
            assertEquals(c.idleUsd(), line(estimate.idleMonthly(), c.idleItem()).usd(), 1e-9, c.config());
            assertEquals(c.retrainUsd(), line(estimate.perRetrain(), c.retrainItem()).usd(), 1e-9, c.config());
            double endpointPerRequest = estimate.perPrediction().stream().filter(i -> i.item().contains("ndpoint"))
                    .mapToDouble(LineItem::usd).sum();
            assertEquals(c.predictionEndpointUsd(), endpointPerRequest, 1e-9, c.config());
        }
    }

    @Test
    void theStacksFixedCostsComeFromItsResources() {
        CostEstimate estimate = CostEstimate.of(StackSettings.read(RepositoryRoot.template()), Usage.defaults(), PRICES);
        assertEquals(1, line(estimate.idleMonthly(), "KMS keys").quantity());
        assertEquals(6, line(estimate.idleMonthly(), "CloudWatch alarms").quantity());
        assertEquals(1, line(estimate.idleMonthly(), "CloudWatch dashboards").quantity());
        // ml.m5.large, one instance, 180 s
        assertEquals(180 / 3600.0 * 0.115, line(estimate.perRetrain(), "SageMaker training ml.m5.large").usd(), 1e-12);
        assertEquals(50 * 0.025 / 1000, line(estimate.perRetrain(), "Step Functions Standard").usd(), 1e-12);
        // the runs table has a global index: its two writes count twice; four more to the models table
        assertEquals(2 * 2 + 4, line(estimate.perRetrain(), "DynamoDB writes").quantity());
    }

    @Test
    void trafficPaysForTheInferenceMetricAndTheStagesDetailedMetricsInEachHourWithRequests() {
        StackSettings stack = StackSettings.read(RepositoryRoot.template());
        assertTrue(stack.apiDetailedMetrics(), "the stage enables MetricsEnabled");
        long[][] cases = {{100_000, 730}, {100, 100}};
        for (long[] c : cases) {
            Usage defaults = Usage.defaults();
            Usage usage = new Usage(defaults.rows(), defaults.rowBytes(), defaults.preprocessSeconds(), defaults.trainingSeconds(),
                    defaults.endpointPolls(), defaults.outcome(), defaults.retrainsPerMonth(), c[0], defaults.inferenceMillis(),
                    defaults.endpointMillis(), defaults.predictionBytes(), defaults.logEventBytes(), defaults.lambdaLogBytes(), defaults.model());
            LineItem metrics = line(CostEstimate.of(stack, usage, PRICES).monthly(), "CloudWatch custom metrics with traffic");
            assertEquals(6.0 * c[1], metrics.quantity(), c[0] + " predictions");
            assertEquals(6.0 * c[1] * 0.30 / 730, metrics.usd(), 1e-9);
        }
    }

    @Test
    void aTrainingInstanceMissingFromThePriceTableSaysHowToAddIt() {
        Usage usage = Usage.defaults().withModel(ModelConfig.parse(
                "{\"training\":{\"instanceType\":\"ml.p9.huge\"}}".getBytes(StandardCharsets.UTF_8), "config"));
        CliException e = assertThrows(CliException.class,
                () -> CostEstimate.of(StackSettings.read(RepositoryRoot.template()), usage, PRICES));
        assertTrue(e.getMessage().startsWith("no price sagemaker.training.ml.p9.huge in the us-east-1 price table"), e.getMessage());
        assertTrue(e.getMessage().contains("--prices FILE"), e.getMessage());
    }
}
