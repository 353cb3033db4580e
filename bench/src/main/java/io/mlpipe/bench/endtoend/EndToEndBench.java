package io.mlpipe.bench.endtoend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Table;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.cli.local.TwinOptions;
import io.mlpipe.cli.pipeline.ExecutionWatcher;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.ModelVersions;
import io.mlpipe.cli.pipeline.Predictions;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.cli.pipeline.Uploads;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Issue 8, end to end on the twin: seconds from uploading a CSV to an InService endpoint and the first REST
 * prediction, for 10k, 100k and 1M rows, and where the time goes per state of the execution's history.
 */
public final class EndToEndBench implements Benchmark {
    private static final Duration EXECUTION_TIMEOUT = Duration.ofMinutes(60);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public String summary() {
        return "seconds from a CSV upload to an InService endpoint and the first prediction on the twin, per state";
    }

    @Override
    public String run(BenchContext context) throws Exception {
        List<Integer> sizes = context.quick() ? List.of(1_000, 5_000) : List.of(10_000, 100_000, 1_000_000);
        Path data = context.freshFolder("twin");
        context.say("starting the twin: mlpipe up --port <a free one> --data-dir %s", data);
        List<Drop> drops = new ArrayList<>();
        long startup;
        try (TwinProcess twin = TwinProcess.up(context.root(), context.template(), data, context.scratch().resolve("twin.log"));
             Pipeline pipeline = new Target().useTwin(twin.endpoint()).connect()) {
            startup = twin.startupNanos();
            context.say("twin up in %s (log: %s)", Format.nanos(startup), context.scratch().resolve("twin.log"));
            warmUp(pipeline);
            // the first drop on a fresh twin also starts its Lambdas and loads XGBoost into the endpoint host: shown
            // apart (the smallest size again, as another model), so that the sizes compare warm pipelines
            int first = sizes.get(0);
            drops.add(drop(context, pipeline, first, "first drop, " + label(first) + " rows",
                    "e2e-first-" + label(first).toLowerCase(Locale.ROOT)));
            for (int rows : sizes) {
                drops.add(drop(context, pipeline, rows, label(rows) + " rows", "e2e-" + label(rows).toLowerCase(Locale.ROOT)));
            }
        }
        return section(context, drops, startup);
    }

    /**
     * Drops {@code rows} customers as a user does and follows them to the first prediction; a fresh {@code model}
     * each time (the key's {@code incoming/<model>/}), so every drop trains and deploys from nothing.
     */
    private Drop drop(BenchContext context, Pipeline pipeline, int rows, String label, String model) throws IOException {
        Path csv = csv(context, rows);
        long bytes = Files.size(csv);
        context.say("%s (%s): uploading as model %s", label, Format.bytes(bytes), model);

        Set<String> before = Executions.arns(pipeline);
        Instant uploadStarted = Instant.now();
        String key = Uploads.put(pipeline, model, csv.getFileName().toString(), csv);
        Instant uploaded = Instant.now();
        String arn = Executions.awaitStartedFor(pipeline, key, before, SHORT_TIMEOUT);
        PrintWriter progress = new PrintWriter(context.progress(), true);
        Followed followed = Followed.follow(pipeline, arn, progress, EXECUTION_TIMEOUT);
        if (!"DEPLOYED".equals(followed.decision())) {
            throw new IllegalStateException(label + ": the execution ended " + followed.decision() + ", not DEPLOYED: "
                    + followed.summary() + " (twin log: " + context.scratch().resolve("twin.log") + ")");
        }
        DescribeExecutionResponse execution = Executions.describe(pipeline, arn);

        ModelVersions.Champion champion = ModelVersions.of(pipeline, model).champion();
        DescribeEndpointResponse endpoint = awaitInService(pipeline, champion.endpointName());
        Instant inServiceSeen = Instant.now();

        int attempts = 0;
        Predictions.Answer answer;
        do {
            attempts++;
            answer = Predictions.predict(pipeline, model, oneCustomer());
            if (!answer.ok()) {
                sleep(Duration.ofMillis(50));
            }
        } while (!answer.ok() && Duration.between(inServiceSeen, Instant.now()).compareTo(SHORT_TIMEOUT) < 0);
        Instant predicted = Instant.now();
        if (!answer.ok()) {
            throw new IllegalStateException(label + ": no prediction within " + SHORT_TIMEOUT.toSeconds() + " s: HTTP "
                    + answer.status() + " " + answer.message());
        }

        List<HistoryEvent> history = pipeline.sfn().getExecutionHistoryPaginator(r -> r.executionArn(arn).maxResults(1000))
                .events().stream().toList();
        Drop drop = new Drop(label, rows, bytes, uploadStarted, uploaded, execution.startDate(), execution.stopDate(),
                endpoint.lastModifiedTime(), inServiceSeen, predicted, attempts, StateTimes.of(history),
                trainingJob(pipeline, history));
        context.say("%s: first prediction %s after the upload started", label, Format.nanos(drop.total().toNanos()));
        return drop;
    }

    /**
     * Makes this JVM's clients load their classes and connect before the first drop, so the first size's numbers
     * hold the pipeline's time, not the benchmark's own class loading.
     */
    private static void warmUp(Pipeline pipeline) {
        Executions.arns(pipeline);
        pipeline.s3().listObjectsV2(r -> r.bucket(pipeline.resources().bucket()).maxKeys(1));
        ModelVersions.names(pipeline);
        pipeline.sageMaker().listEndpoints(r -> r.maxResults(1));
        Predictions.describe(pipeline, "e2e-warm-up"); // a 404: no such model yet
    }

    /**
     * The execution's training job: the state that ran it (the one entered before its TaskScheduled event) and
     * how long the job spent in each secondary status (Training: the child JVM's work).
     */
    private static Drop.TrainingJob trainingJob(Pipeline pipeline, List<HistoryEvent> history) {
        String state = null;
        for (HistoryEvent event : history) {
            if (event.stateEnteredEventDetails() != null) {
                state = event.stateEnteredEventDetails().name();
            }
            String job = ExecutionWatcher.trainingJobName(event);
            if (job != null) {
                Map<String, Duration> stages = new LinkedHashMap<>();
                for (SecondaryStatusTransition t : pipeline.sageMaker().describeTrainingJob(r -> r.trainingJobName(job))
                        .secondaryStatusTransitions()) {
                    if (t.endTime() != null && !t.statusAsString().equals("Completed")) { // Completed: the end
                        stages.merge(t.statusAsString(), Duration.between(t.startTime(), t.endTime()), Duration::plus);
                    }
                }
                return new Drop.TrainingJob(state, stages);
            }
        }
        throw new IllegalStateException("the execution's history names no training job");
    }

    /** The drop's CSV, generated once per size (the same seed gives the same bytes) and streamed to disk. */
    private static Path csv(BenchContext context, int rows) throws IOException {
        return context.generated("customers-" + label(rows) + ".csv", label(rows) + " churn rows",
                out -> SampleData.writeChurn(out, rows, 42));
    }

    private static DescribeEndpointResponse awaitInService(Pipeline pipeline, String endpointName) {
        long deadline = System.nanoTime() + SHORT_TIMEOUT.toNanos();
        while (true) {
            DescribeEndpointResponse endpoint = pipeline.sageMaker().describeEndpoint(r -> r.endpointName(endpointName));
            if ("InService".equals(endpoint.endpointStatusAsString())) {
                return endpoint;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("endpoint " + endpointName + " is " + endpoint.endpointStatusAsString()
                        + " " + SHORT_TIMEOUT.toSeconds() + " s after the execution deployed it");
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** A customer likely to churn, as ./mlpipe demo asks. */
    private static ObjectNode oneCustomer() {
        ObjectNode request = Json.object();
        request.putArray("rows").add(Json.object().put("tenure_months", 2).put("monthly_charges", 95.5)
                .put("contract", "month-to-month").put("internet", "fiber").put("support_calls", 5)
                .put("paperless_billing", "yes"));
        return request;
    }

    private static String section(BenchContext context, List<Drop> drops, long startup) {
        Drop largest = drops.get(drops.size() - 1);
        StringBuilder out = new StringBuilder("## End to end on the twin: upload to first prediction\n\n");
        out.append("Wall time from uploading a CSV of generated customers (S3 PutObject with the AWS SDK, as `./mlpipe upload`")
                .append(" does) to the execution it starts (S3 → EventBridge → Step Functions), its end, the endpoint")
                .append(" InService (DescribeEndpoint) and the first prediction answered by the REST API")
                .append(" (`POST /models/{model}/predict`, as `./mlpipe predict`), one fresh model per size, on a twin started")
                .append(" as `mlpipe up` in its own JVM (up in ").append(Format.nanos(startup)).append("). The twin runs at")
                .append(" wait scale ").append(TwinOptions.DEFAULT_WAIT_SCALE).append(" (Wait states and `.sync`/endpoint")
                .append(" polling take 1/1000 of their seconds: the deploy loop's 30 s wait is 30 ms); training is real")
                .append(" XGBoost4J in a child JVM, preprocessing the real Lambda handler. There is no peer for this on one")
                .append(" machine: the table says where the time goes, state by state from GetExecutionHistory")
                .append(" (StateEntered → StateExited, summed over a loop's rounds, ×n = times entered).\n\n");

        List<String> header = new ArrayList<>(List.of("part"));
        drops.forEach(d -> header.add(d.label() + " (" + Format.bytes(d.bytes()) + ")"));
        Table table = new Table(header.toArray(String[]::new));
        row(table, drops, "**total: upload → first prediction**", d -> "**" + Format.nanos(d.total().toNanos()) + "**");
        row(table, drops, "upload (PutObject)", d -> time(d.upload()));
        row(table, drops, "upload → execution started (S3 → EventBridge → StartExecution)", d -> time(d.eventToStart()));
        row(table, drops, "execution (started → SUCCEEDED)", d -> time(d.execution()));
        for (String state : stateNames(drops)) {
            row(table, drops, "· " + state, d -> {
                StateTimes.Time t = d.states().states().get(state);
                return t == null ? "–" : time(t.total()) + (t.entries() > 1 ? " (×" + t.entries() + ")" : "");
            });
            if (state.equals(largest.trainingJob().state())) {
                for (String stage : largest.trainingJob().stages().keySet()) {
                    row(table, drops, "  ◦ training job " + stage + (stage.equals("Training") ? " (child JVM: read, XGBoost)" : ""),
                            d -> d.trainingJob().stages().containsKey(stage) ? time(d.trainingJob().stages().get(stage)) : "–");
                }
            }
        }
        row(table, drops, "· between states (the engine's transitions)", d -> time(d.betweenStates()));
        row(table, drops, "endpoint InService → execution SUCCEEDED", d -> d.inServiceToSucceeded() == null ? "–"
                : time(d.inServiceToSucceeded()));
        row(table, drops, "SUCCEEDED → client sees InService (its polling, DescribeEndpoint)", d -> time(d.inServiceSeen()));
        row(table, drops, "InService → first prediction answered", d -> time(d.firstPrediction())
                + (d.predictAttempts() > 1 ? " (" + d.predictAttempts() + " tries)" : ""));
        out.append(table).append('\n');

        out.append("Where the time goes for ").append(largest.label()).append(", biggest first (share of the total ")
                .append(Format.nanos(largest.total().toNanos())).append("):\n\n");
        Map<String, Duration> parts = new LinkedHashMap<>();
        parts.put("upload (PutObject)", largest.upload());
        parts.put("upload → execution started", largest.eventToStart());
        largest.states().states().forEach((state, t) -> parts.put("state " + state
                + (t.entries() > 1 ? " (×" + t.entries() + ")" : ""), t.total()));
        parts.put("between states", largest.betweenStates());
        parts.put("SUCCEEDED → InService seen", largest.inServiceSeen());
        parts.put("InService → first prediction", largest.firstPrediction());
        Table shares = new Table("part", "time", "share");
        double total = largest.total().toNanos();
        List<Map.Entry<String, Duration>> sorted = parts.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder())).toList();
        Duration rest = Duration.ZERO;
        int restCount = 0;
        for (Map.Entry<String, Duration> part : sorted) {
            if (part.getValue().toNanos() / total >= 0.005) {
                shares.row(part.getKey(), time(part.getValue()), percent(part.getValue().toNanos() / total));
            } else {
                rest = rest.plus(part.getValue());
                restCount++;
            }
        }
        if (restCount > 0) {
            shares.row(restCount + " other parts, each under 0.5%", time(rest), percent(rest.toNanos() / total));
        }
        out.append(shares).append('\n');

        Map.Entry<String, Duration> biggest = sorted.get(0);
        Drop smallest = drops.get(1);
        out.append("At ").append(largest.label()).append(" the biggest part is ").append(biggest.getKey()).append(" with ")
                .append(percent(biggest.getValue().toNanos() / total)).append(" of the total; ").append(largest.label())
                .append(" take ").append(Format.ratio(largest.total().toNanos(), smallest.total().toNanos()))
                .append(" the time of ").append(smallest.label()).append(" for ")
                .append(Format.ratio(largest.rows(), smallest.rows())).append(" the rows.\n\n");
        out.append(context.reproduce()).append('\n');
        return out.toString();
    }

    /** Every state any drop entered, in the order the largest drop (which runs them all) first entered them. */
    private static Set<String> stateNames(List<Drop> drops) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = drops.size() - 1; i >= 0; i--) {
            names.addAll(drops.get(i).states().states().keySet());
        }
        return names;
    }

    private static void row(Table table, List<Drop> drops, String part, java.util.function.Function<Drop, String> cell) {
        List<String> cells = new ArrayList<>(List.of(part));
        drops.forEach(d -> cells.add(cell.apply(d)));
        table.row(cells.toArray());
    }

    private static String time(Duration duration) {
        // history timestamps have millisecond resolution (truncated), and an execution can start before PutObject's
        // answer reaches the client: zero or less means under a millisecond, not "0 ns" or a negative time
        return duration.isNegative() || duration.isZero() ? "< 1 ms" : Format.nanos(duration.toNanos());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** 1,000 → 1k, 1,000,000 → 1M. */
    static String label(int rows) {
        return rows >= 1_000_000 && rows % 1_000_000 == 0 ? rows / 1_000_000 + "M"
                : rows >= 1_000 && rows % 1_000 == 0 ? rows / 1_000 + "k" : String.valueOf(rows);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
