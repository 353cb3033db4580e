package io.mlpipe.bench.cost;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.Table;
import io.mlpipe.cli.cost.CostEstimate;
import io.mlpipe.cli.cost.CostReport;
import io.mlpipe.cli.cost.Money;
import io.mlpipe.cli.cost.PriceTable;
import io.mlpipe.cli.cost.StackSettings;
import io.mlpipe.cli.cost.Usage;
import io.mlpipe.tasks.preprocess.ModelConfig;
import java.nio.charset.StandardCharsets;

/**
 * What the stack costs on AWS, computed (not measured) by the `mlpipe cost` core from the synthesized template and
 * the dated price table: the command's tables with its defaults, and the three ways a retrain can go side by side.
 */
public final class CostBench implements Benchmark {
    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String summary() {
        return "AWS cost per retrain, per prediction, idle per month (mlpipe cost, from the template and published prices)";
    }

    @Override
    public String run(BenchContext context) {
        context.say("pricing %s", context.template());
        StackSettings stack = StackSettings.read(context.template());
        PriceTable prices = PriceTable.usEast1();
        Usage defaults = Usage.defaults();
        Usage instance = defaults.withModel(ModelConfig.parse(
                "{\"endpoint\":{\"mode\":\"instance\"}}".getBytes(StandardCharsets.UTF_8), "endpoint.mode=instance"));

        CostEstimate serverless = CostEstimate.of(stack, defaults, prices);
        Table scenarios = new Table("retrain", "state transitions", "per retrain", "idle per month", "month (defaults)", "vs serverless deploy")
                .row(scenario("deployed, serverless endpoint (default)", serverless, serverless))
                .row(scenario("rejected by the gate", CostEstimate.of(stack, defaults.withOutcome("Rejected"), prices), serverless))
                .row(scenario("deployed, ml.m5.large instance endpoint", CostEstimate.of(stack, instance, prices), serverless));
        return """
                ## Cost on AWS

                Computed, not measured: `./mlpipe cost` reads the synthesized template (state machine path and its
                transitions, Lambda memory and architecture, training instance, endpoint, tables, alarms, keys) and prices
                it with the dated us-east-1 table in `local/cli/src/main/resources/io/mlpipe/cli/cost/` (as published,
                check before relying). The peer is the same pipeline taking another path: a candidate the gate rejects,
                and a model switched to an always-on instance endpoint. Durations, data size and volumes are the
                command's defaults (listed below); plug in yours with its options.

                %s

                The default estimate in full (`./mlpipe cost`):

                %s

                %s
                """.formatted(scenarios, new CostReport(serverless).markdown().strip(), context.reproduce()
                + " With your numbers: `./mlpipe cost --help`.");
    }

    private static Object[] scenario(String name, CostEstimate estimate, CostEstimate baseline) {
        double month = CostEstimate.total(estimate.monthly());
        return new Object[] {name, estimate.path().transitions(estimate.polls()), Money.format(CostEstimate.total(estimate.perRetrain())),
                Money.format(CostEstimate.total(estimate.idleMonthly())), Money.format(month),
                io.mlpipe.bench.Format.ratio(month, CostEstimate.total(baseline.monthly()))};
    }
}
