package io.mlpipe.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.local.TwinOptions;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.ModelName;
import io.mlpipe.cli.pipeline.ModelVersions;
import io.mlpipe.cli.pipeline.Predictions;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.cli.pipeline.Uploads;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.cli.connection.Resources;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.protocol.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole story on sample data: a good drop is trained and deployed, a worse one is trained and rejected
 * by the gate, the REST API answers a prediction. Exit status 0 only when all three happened.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole story on sample data: a drop deployed, a worse one rejected, a REST prediction.",
                "Generates a seeded customer-churn data set, drops it, follows the execution state by state, drops",
                "a copy with shuffled labels that the gate rejects, asks the REST API, and sums up. Under a minute",
                "on the twin. Uses the twin running at the endpoint, else starts one in this process (stopped at the end)."})
public final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Mixin
    TwinOptions twinOptions;

    @Mixin
    Target target;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "churn",
            description = "Model name (default: ${DEFAULT-VALUE}; churn-2, churn-3, ... when it already has versions).")
    String model;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "3000", description = "Rows per drop (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--keep-running", description = "Keep the demo's twin running after the story (Ctrl-C stops it).")
    boolean keepRunning;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        long started = System.nanoTime();
        LocalTwin ownTwin = null;
        try {
            if (!target.aws()) {
                URI edge = twinOptions.port != null && twinOptions.port != 0
                        ? URI.create("http://127.0.0.1:" + twinOptions.port) : target.twinEndpoint();
                Resources running = twinOptions.port != null && twinOptions.port == 0 ? null : Target.probeTwin(edge);
                if (running != null) {
                    out.println("mlpipe demo — using the twin running at " + edge);
                    target.useTwin(edge);
                } else {
                    out.println("mlpipe demo — starting the local twin (data in " + twinOptions.dataDirectory.toAbsolutePath() + ")");
                    out.flush();
                    ownTwin = LocalTwin.start(twinOptions, out);
                    // Ctrl-C skips the finally below: the twin still closes its stores cleanly
                    Runtime.getRuntime().addShutdownHook(new Thread(ownTwin::close, "mlpipe-twin-shutdown"));
                    target.useTwin(ownTwin.endpoint());
                }
            } else {
                out.println("mlpipe demo — on AWS (this takes minutes there: real training jobs and endpoints)");
            }
            try (Pipeline pipeline = target.connect()) {
                story(pipeline, started, ownTwin != null);
            }
            if (ownTwin != null && keepRunning) {
                out.println("the twin keeps running at " + ownTwin.endpoint() + ": Ctrl-C stops it");
                out.flush();
                ownTwin = null;
                Thread.currentThread().join();
            }
            return 0;
        } finally {
            if (ownTwin != null) {
                ownTwin.close();
            }
        }
    }

    private void story(Pipeline pipeline, long started, boolean ownTwin) {
        String name = freshModelName(pipeline);
        Duration timeout = Duration.ofMinutes(pipeline.onAws() ? 60 : 5);
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);

        step("1/3", "a first drop of " + rows + " customers with a real churn signal (seed 42)");
        Followed first = drop(pipeline, name, "customers-" + stamp + "-a.csv", SampleData.churn(rows, 42), timeout);
        expect(first, "DEPLOYED", "the first drop should have been deployed", ownTwin);

        step("2/3", "a worse drop: the same kind of customers with their labels shuffled (no signal left)");
        Followed second = drop(pipeline, name, "customers-" + stamp + "-b.csv", SampleData.shuffledLabels(rows, 7), timeout);
        expect(second, "REJECTED", "the gate should have rejected the worse drop", ownTwin);

        step("3/3", "predictions through the REST API: POST " + pipeline.resources().apiUrl() + "models/" + name + "/predict");
        ObjectNode request = Json.object();
        ArrayNode rowsToAsk = request.putArray("rows");
        rowsToAsk.add(Json.object().put("tenure_months", 2).put("monthly_charges", 95.5).put("contract", "month-to-month")
                .put("internet", "fiber").put("support_calls", 5).put("paperless_billing", "yes"));
        rowsToAsk.add(Json.object().put("tenure_months", 60).put("monthly_charges", 25.0).put("contract", "two-year")
                .put("internet", "none").put("support_calls", 0).put("paperless_billing", "no"));
        Predictions.Answer answer = Predictions.predict(pipeline, name, request);
        if (!answer.ok() || answer.body().path("predictions").size() != 2) {
            throw new CliException("the prediction was not answered: HTTP " + answer.status() + " " + answer.body()
                    + " — look at ./mlpipe logs inference" + (ownTwin ? " (after ./mlpipe up: the demo's twin has stopped)" : ""));
        }
        List<String> who = List.of("new fibre customer, month-to-month, 5 support calls", "5-year customer, two-year contract");
        JsonNode predictions = answer.body().path("predictions");
        for (int i = 0; i < 2; i++) {
            out.printf("  %-52s → churn %s%n", who.get(i), PredictCommand.describe(predictions.get(i)));
        }
        out.println("  (answered by model " + name + " version " + answer.body().path("version").asText() + ")");

        out.println();
        out.println("Summary");
        ModelsCommand.print(pipeline, ModelVersions.of(pipeline, name), out);
        out.println("  decisions:");
        out.println("    " + first.output().path("modelVersion").asText() + " DEPLOYED  " + first.output().path("reason").asText());
        out.println("    " + second.output().path("modelVersion").asText() + " REJECTED  " + second.output().path("reason").asText());
        out.println("  console:  " + pipeline.resources().consoleUrl() + (ownTwin ? "  (run ./mlpipe up to browse it: same data)" : ""));
        out.println("  next:     ./mlpipe models " + name + " · ./mlpipe executions --model " + name + " · ./mlpipe predict --model "
                + name + " --row tenure_months=3,contract=month-to-month,internet=fiber");
        out.printf("demo done in %.1f s: first drop deployed, worse drop rejected, prediction answered%n",
                (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    /** The requested name when it has no versions yet, else the first free churn-2, churn-3, ... (the gate compares with a champion). */
    private String freshModelName(Pipeline pipeline) {
        ModelName.check(model);
        List<String> taken = ModelVersions.names(pipeline);
        if (!taken.contains(model)) {
            return model;
        }
        for (int n = 2; ; n++) {
            String candidate = model + "-" + n;
            if (!taken.contains(candidate)) {
                out.println("(model " + model + " already has versions from an earlier run: this demo uses " + candidate + ")");
                return ModelName.check(candidate);
            }
        }
    }

    private Followed drop(Pipeline pipeline, String name, String fileName, byte[] csv, Duration timeout) {
        Set<String> before = Executions.arns(pipeline);
        String key = Uploads.put(pipeline, name, fileName, csv);
        out.println("  uploaded s3://" + pipeline.resources().bucket() + "/" + key + " (" + csv.length / 1024 + " KiB)");
        out.flush();
        String arn = Executions.awaitStartedFor(pipeline, key, before, Duration.ofSeconds(pipeline.onAws() ? 120 : 30));
        return Followed.follow(pipeline, arn, out, timeout);
    }

    private void expect(Followed followed, String decision, String what, boolean ownTwin) {
        if (!decision.equals(followed.decision())) {
            String name = followed.executionArn().substring(followed.executionArn().lastIndexOf(':') + 1);
            throw new CliException(what + ", but the execution ended " + followed.decision()
                    + (followed.outcome().error() == null ? "" : " (" + followed.outcome().error() + ": " + followed.outcome().cause() + ")")
                    + " — look at ./mlpipe history " + name + ", ./mlpipe logs preprocess"
                    + (ownTwin ? " (after ./mlpipe up: the demo's twin has stopped)" : ""));
        }
    }

    private void step(String number, String text) {
        out.println();
        out.println(number + "  " + text);
        out.flush();
    }
}
