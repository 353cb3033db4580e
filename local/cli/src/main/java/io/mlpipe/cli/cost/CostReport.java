package io.mlpipe.cli.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cost estimate as Markdown tables (what `mlpipe cost` prints and BENCHMARKS.md shows) or as JSON (--json). */
public final class CostReport {
    private final CostEstimate estimate;

    public CostReport(CostEstimate estimate) {
        this.estimate = estimate;
    }

    /** The inputs that are not in the template, with the option that changes each. */
    public Map<String, String> assumptions() {
        Usage u = estimate.usage();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("--rows", Money.count(u.rows()) + " rows per dropped CSV");
        a.put("--row-bytes", Money.count(u.rowBytes()) + " bytes per CSV row (the demo's churn data: about 35)");
        a.put("--preprocess-seconds", Money.count(u.preprocessSeconds()) + " s billed per preprocess invocation (its REPORT log line)");
        a.put("--training-seconds", Money.count(u.trainingSeconds()) + " s billed per training job (DescribeTrainingJob BillableTimeInSeconds)");
        a.put("--endpoint-polls", estimate.polls() + " iterations of the endpoint wait loop until InService"
                + (estimate.path().waitSeconds() > 0 ? " (" + estimate.path().waitSeconds() + " s each)" : ""));
        a.put("--outcome", u.outcome() + " (the Succeed state the retrain ends in)");
        a.put("--model-config", "training " + u.model().training().get("instanceType") + ", endpoint " + describeEndpoint(u));
        a.put("--retrains-per-month", Money.count(u.retrainsPerMonth()));
        a.put("--predictions-per-month", Money.count(u.predictionsPerMonth()) + " prediction requests");
        a.put("--inference-ms", Money.count(u.inferenceMillis()) + " ms billed per inference Lambda invocation");
        a.put("--endpoint-ms", Money.count(u.endpointMillis()) + " ms serverless endpoint compute per request");
        a.put("--prediction-bytes", Money.count(u.predictionBytes()) + " B request and response per prediction");
        a.put("--log-event-bytes", Money.count(u.logEventBytes()) + " B per Step Functions log event");
        a.put("--lambda-log-bytes", Money.count(u.lambdaLogBytes()) + " B of logs per Lambda invocation");
        a.put("--prices", "prices for " + estimate.prices().region() + " read " + estimate.prices().read() + ": "
                + estimate.prices().note());
        return a;
    }

    /** What the estimate leaves out on purpose, so nobody reads the totals as more than they are. */
    public static final List<String> NOT_COUNTED = List.of(
            "retries: every state entered is one transition, and a retried Task enters again (throttling, service errors)",
            "free tiers (4,000 transitions, 1M Lambda requests and 400,000 GB-s, 1M REST API calls in the first year...)",
            "storage after the first month of what retrains keep (S3 CSVs and models, DynamoDB items and PITR): GB-months at the S3 and DynamoDB storage prices",
            "data transfer out of AWS, CloudTrail, and the CDK bootstrap bucket");

    private static String describeEndpoint(Usage u) {
        Map<String, Object> e = u.model().endpoint();
        return u.instanceEndpoint()
                ? "instance " + u.endpointInstanceCount() + " x " + u.endpointInstanceType()
                : "serverless " + e.get("memorySizeMb") + " MB, max concurrency " + e.get("maxConcurrency");
    }

    public String markdown() {
        Usage u = estimate.usage();
        StringBuilder out = new StringBuilder();
        out.append("**Per retrain** (ends in ").append(u.outcome()).append(", ").append(Money.count(u.rows()))
                .append(" rows, ").append(estimate.path().transitions(estimate.polls())).append(" state transitions, endpoint ")
                .append(describeEndpoint(u)).append("): **").append(Money.format(CostEstimate.total(estimate.perRetrain()))).append("**\n\n");
        table(out, estimate.perRetrain());
        out.append("\n**Per prediction request**: **").append(Money.format(CostEstimate.total(estimate.perPrediction())))
                .append("** (").append(Money.format(CostEstimate.total(estimate.perPrediction()) * 1_000_000)).append(" per million)\n\n");
        table(out, estimate.perPrediction());
        out.append("\n**Idle, per month** (no retrain, no prediction): **").append(Money.format(CostEstimate.total(estimate.idleMonthly())))
                .append("**\n\n");
        table(out, estimate.idleMonthly());
        out.append("\n**A month** with ").append(Money.count(u.retrainsPerMonth())).append(" retrains and ")
                .append(Money.count(u.predictionsPerMonth())).append(" prediction requests: **")
                .append(Money.format(CostEstimate.total(estimate.monthly()))).append("** (free tiers not deducted)\n\n");
        table(out, estimate.monthly());
        out.append("\nAssumptions (not in the template; change them with the options):\n\n");
        assumptions().forEach((option, value) -> out.append("- `").append(option).append("`: ").append(value).append('\n'));
        out.append("\nNot counted:\n\n");
        NOT_COUNTED.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }

    private static void table(StringBuilder out, List<LineItem> items) {
        out.append("| item | quantity | unit price | cost | how |\n|---|---:|---:|---:|---|\n");
        for (LineItem item : items) {
            out.append("| ").append(item.item()).append(" | ").append(Money.count(item.quantity())).append(' ')
                    .append(item.price().unit()).append(" | ").append(item.price().label()).append(" | ")
                    .append(Money.format(item.usd())).append(" | ").append(item.note().replace("|", "\\|")).append(" |\n");
        }
        out.append("| **total** | | | **").append(Money.format(CostEstimate.total(items))).append("** | |\n");
    }

    public ObjectNode json() {
        ObjectNode root = Json.object();
        root.put("region", estimate.prices().region()).put("pricesRead", estimate.prices().read())
                .put("pricesNote", estimate.prices().note())
                .put("stateTransitionsPerRetrain", estimate.path().transitions(estimate.polls()));
        ArrayNode states = root.putArray("retrainStates");
        estimate.path().entered(estimate.polls()).forEach(states::add);
        section(root.putObject("perRetrain"), estimate.perRetrain());
        section(root.putObject("perPrediction"), estimate.perPrediction());
        section(root.putObject("idlePerMonth"), estimate.idleMonthly());
        section(root.putObject("perMonth"), estimate.monthly());
        ObjectNode assumptions = root.putObject("assumptions");
        assumptions().forEach(assumptions::put);
        NOT_COUNTED.forEach(root.putArray("notCounted")::add);
        return root;
    }

    private static void section(ObjectNode section, List<LineItem> items) {
        ArrayNode lines = section.putArray("items");
        for (LineItem item : new ArrayList<>(items)) {
            ObjectNode line = lines.addObject().put("item", item.item()).put("quantity", item.quantity())
                    .put("unit", item.price().unit()).put("unitPriceUsd", item.price().usd()).put("per", item.price().per())
                    .put("usd", item.usd()).put("how", item.note());
            if (!item.price().source().isEmpty()) {
                line.put("source", item.price().source());
            }
        }
        section.put("totalUsd", CostEstimate.total(items));
    }
}
