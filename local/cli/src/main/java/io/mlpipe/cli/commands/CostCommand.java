package io.mlpipe.cli.commands;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.cost.CostEstimate;
import io.mlpipe.cli.cost.CostReport;
import io.mlpipe.cli.cost.PriceTable;
import io.mlpipe.cli.cost.StackSettings;
import io.mlpipe.cli.cost.Usage;
import io.mlpipe.cli.local.RepositoryRoot;
import io.mlpipe.tasks.preprocess.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What the stack costs on AWS: per retrain, per prediction request, idle per month and a month at your volume.",
                "Quantities come from the synthesized template (state transitions of a retrain, Lambda memory and architecture,"
                        + " training instance, endpoint, alarms, keys...) and the options below; prices from a dated us-east-1 table"
                        + " (as published: check before relying)."})
public final class CostCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The synthesized template (default: workflow/target/cdk.out/Mlpipe.template.json in the repository).")
    Path template;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "A config/<model>.json (training instance, endpoint mode...); default: the defaults of docs/CONTRACTS.md.")
    Path modelConfig;

    @Option(names = "--prices", paramLabel = "FILE", description = "A price table of the same shape as the shipped us-east-1 one.")
    Path prices;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + Usage.ROWS, description = "Rows per dropped CSV (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--row-bytes", paramLabel = "B", defaultValue = "" + Usage.ROW_BYTES,
            description = "Bytes per CSV row (default: ${DEFAULT-VALUE}, the demo's churn data).")
    double rowBytes;

    @Option(names = "--preprocess-seconds", paramLabel = "S", defaultValue = "" + Usage.PREPROCESS_SECONDS,
            description = "Billed seconds of the preprocess Lambda per run (default: ${DEFAULT-VALUE}).")
    double preprocessSeconds;

    @Option(names = "--training-seconds", paramLabel = "S", defaultValue = "" + Usage.TRAINING_SECONDS,
            description = "Billed seconds of the training job (BillableTimeInSeconds; default: ${DEFAULT-VALUE}).")
    double trainingSeconds;

    @Option(names = "--endpoint-polls", paramLabel = "N", defaultValue = "" + Usage.ENDPOINT_POLLS,
            description = "Iterations of the endpoint wait loop until InService (default: ${DEFAULT-VALUE}).")
    int endpointPolls;

    @Option(names = "--outcome", paramLabel = "STATE", defaultValue = Usage.OUTCOME,
            description = "The Succeed state the retrain ends in: Deployed or Rejected (default: ${DEFAULT-VALUE}).")
    String outcome;

    @Option(names = "--retrains-per-month", paramLabel = "N", defaultValue = "" + Usage.RETRAINS_PER_MONTH,
            description = "Retrains in a month (default: ${DEFAULT-VALUE}).")
    long retrainsPerMonth;

    @Option(names = "--predictions-per-month", paramLabel = "N", defaultValue = "" + Usage.PREDICTIONS_PER_MONTH,
            description = "Prediction requests in a month (default: ${DEFAULT-VALUE}).")
    long predictionsPerMonth;

    @Option(names = "--inference-ms", paramLabel = "MS", defaultValue = "" + Usage.INFERENCE_MILLIS,
            description = "Billed ms of the inference Lambda per request (default: ${DEFAULT-VALUE}).")
    double inferenceMillis;

    @Option(names = "--endpoint-ms", paramLabel = "MS", defaultValue = "" + Usage.ENDPOINT_MILLIS,
            description = "Serverless endpoint compute per request (default: ${DEFAULT-VALUE}).")
    double endpointMillis;

    @Option(names = "--prediction-bytes", paramLabel = "B", defaultValue = "" + Usage.PREDICTION_BYTES,
            description = "Request plus response bytes per prediction (default: ${DEFAULT-VALUE}).")
    double predictionBytes;

    @Option(names = "--log-event-bytes", paramLabel = "B", defaultValue = "" + Usage.LOG_EVENT_BYTES,
            description = "Bytes per Step Functions log event (default: ${DEFAULT-VALUE}).")
    double logEventBytes;

    @Option(names = "--lambda-log-bytes", paramLabel = "B", defaultValue = "" + Usage.LAMBDA_LOG_BYTES,
            description = "Log bytes per Lambda invocation (default: ${DEFAULT-VALUE}).")
    double lambdaLogBytes;

    @Option(names = "--json", description = "One JSON object: every line item with its quantity, unit price, source and cost.")
    boolean json;

    @Override
    public void run() {
        if (rows < 0 || rowBytes < 0 || preprocessSeconds < 0 || trainingSeconds < 0 || endpointPolls < 1 || retrainsPerMonth < 0
                || predictionsPerMonth < 0 || inferenceMillis < 0 || endpointMillis < 0 || predictionBytes < 0
                || logEventBytes < 0 || lambdaLogBytes < 0) {
            throw new CliException("amounts cannot be negative and --endpoint-polls is at least 1: see ./mlpipe cost --help");
        }
        Usage usage = new Usage(rows, rowBytes, preprocessSeconds, trainingSeconds, endpointPolls, outcome, retrainsPerMonth,
                predictionsPerMonth, inferenceMillis, endpointMillis, predictionBytes, logEventBytes, lambdaLogBytes, model());
        StackSettings stack = StackSettings.read(template != null ? template : RepositoryRoot.template());
        CostReport report = new CostReport(CostEstimate.of(stack, usage, prices != null ? PriceTable.read(prices) : PriceTable.usEast1()));
        spec.commandLine().getOut().print(json ? report.json().toPrettyString() + "\n" : report.markdown());
        spec.commandLine().getOut().flush();
    }

    private ModelConfig model() {
        if (modelConfig == null) {
            return ModelConfig.defaults();
        }
        try {
            return ModelConfig.parse(Files.readAllBytes(modelConfig), modelConfig.toString());
        } catch (IOException e) {
            throw new CliException("cannot read " + modelConfig + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new CliException(e.getMessage());
        }
    }
}
