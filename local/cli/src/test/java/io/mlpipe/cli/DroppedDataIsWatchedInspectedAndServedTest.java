package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.cli.connection.Clients;
import io.mlpipe.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The everyday commands on the real synthesized template: upload a CSV, watch the execution it starts,
 * list and inspect it, look at the model and its logs, re-run it by hand, ask for predictions.
 */
class DroppedDataIsWatchedInspectedAndServedTest {
    private static final String MODEL = "everyday";
    private static Path csv;
    private static Cli.Result watched;

    @BeforeAll
    static void uploadAndWatch() throws Exception {
        csv = TempDirs.create("data-").resolve("customers.csv");
        Files.write(csv, SampleData.churn(800, 3));
        Cli.Result upload = Cli.onTwin("upload", csv.toString(), "--model", MODEL);
        assertEquals(0, upload.status(), upload::toString);
        assertTrue(upload.out().contains("/incoming/" + MODEL + "/customers.csv ("), upload.out());
        // the drop starts its execution through EventBridge: wait until it is the newest, then watch "the newest"
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Cli.onTwin("executions", "--limit", "1").out().contains(" " + MODEL + " ") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        watched = Cli.onTwin("watch");
    }

    @Test
    void watchFollowsTheNewestExecutionStateByStateAndExitsZeroWhenItSucceeds() {
        assertEquals(0, watched.status(), watched::toString);
        String out = watched.out();
        assertTrue(out.contains("(model " + MODEL + ", s3://"), out);
        assertTrue(out.indexOf("✓ NormaliseInput") < out.indexOf("✓ Preprocess") && out.indexOf("✓ Preprocess") < out.indexOf("✓ Train ")
                && out.indexOf("✓ Train ") < out.indexOf("✓ Deployed"), "states in the order they ran:\n" + out);
        assertTrue(Pattern.compile("✓ Train +[0-9.]+s +at [0-9.]+s").matcher(out).find(), "time in state and since the start:\n" + out);
        assertTrue(out.contains("→ DEPLOYED version 000001"), out);
    }

    @Test
    void executionsListsItWithItsModelAndStatus() {
        Cli.Result list = Cli.onTwin("executions", "--model", MODEL);
        assertEquals(0, list.status(), list::toString);
        assertTrue(Pattern.compile("SUCCEEDED +" + MODEL + " ").matcher(list.out()).find(), list.out());
        Cli.Result failed = Cli.onTwin("executions", "--model", MODEL, "--status", "FAILED");
        assertTrue(failed.out().contains("(none for model " + MODEL + " with status FAILED"), failed.out());
        Cli.Result bad = Cli.onTwin("executions", "--status", "SLEEPING");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("unknown status SLEEPING: use one of RUNNING"), bad.err());
    }

    @Test
    void historyShowsEveryEventOfTheExecution() {
        String name = executionName();
        Cli.Result history = Cli.onTwin("history", name);
        assertEquals(0, history.status(), history::toString);
        assertTrue(history.out().contains("ExecutionStarted"), history.out());
        assertTrue(Pattern.compile("TaskScheduled +sagemaker:createTrainingJob\\.sync").matcher(history.out()).find(), history.out());
        assertTrue(history.out().strip().endsWith("ExecutionSucceeded"), history.out());
    }

    @Test
    void modelsShowsTheVersionItsMetricApprovalAndChampion() {
        Cli.Result all = Cli.onTwin("models");
        assertEquals(0, all.status(), all::toString);
        assertTrue(Pattern.compile(MODEL + " +\\d+ +\\d{6} +auc +0\\.\\d+").matcher(all.out()).find(), all.out());
        Cli.Result one = Cli.onTwin("models", MODEL);
        assertEquals(0, one.status(), one::toString);
        // the first version, or a later one when the manual re-run of the same data was deployed
        Matcher champion = Pattern.compile("champion (\\d{6}) \\(binary_classification, endpoint mlpipe-" + MODEL + "\\)").matcher(one.out());
        assertTrue(champion.find(), one.out());
        assertTrue(Pattern.compile(champion.group(1) + " +auc +0\\.\\d+ +Approved +Approved .*★ champion").matcher(one.out()).find(), one.out());
        assertTrue(Pattern.compile("000001 +auc +0\\.\\d+ +Approved +Approved ").matcher(one.out()).find(), one.out());
    }

    @Test
    void predictAnswersRowsGivenOnTheCommandLineOrInAFile() throws Exception {
        Cli.Result rows = Cli.onTwin("predict", "--model", MODEL,
                "--row", "tenure_months=1,monthly_charges=99.5,contract=month-to-month,internet=fiber,support_calls=6,paperless_billing=yes",
                "--row", "tenure_months=70,monthly_charges=,contract=two-year,internet=none,support_calls=0,paperless_billing=no");
        assertEquals(0, rows.status(), rows::toString);
        assertTrue(Pattern.compile("^model " + MODEL + " version \\d{6}\n").matcher(rows.out()).find(), rows.out());
        assertTrue(Pattern.compile("row 1: yes \\(p=0\\.\\d+\\)").matcher(rows.out()).find(), rows.out());
        assertTrue(Pattern.compile("row 2: no \\(p=0\\.\\d+\\)").matcher(rows.out()).find(), rows.out());

        Path file = csv.resolveSibling("rows.json");
        Files.writeString(file, "{\"rows\":[{\"tenure_months\":12,\"contract\":\"one-year\"}]}");
        Cli.Result json = Cli.onTwin("predict", "--model", MODEL, "--file", file.toString(), "--json");
        assertEquals(0, json.status(), json::toString);
        JsonNode answer = Json.MAPPER.readTree(json.out());
        assertEquals(MODEL, answer.path("model").asText());
        assertEquals(1, answer.path("predictions").size());
        assertTrue(answer.path("predictions").get(0).path("probabilities").has("yes"), answer::toString);

        Cli.Result unknownFeature = Cli.onTwin("predict", "--model", MODEL, "--row", "shoe_size=44");
        assertEquals(1, unknownFeature.status());
        assertTrue(unknownFeature.err().startsWith("mlpipe: the API answered 400: "), unknownFeature.err());
        assertTrue(unknownFeature.err().contains("shoe_size"), unknownFeature.err());
    }

    @Test
    void logsShowWhatTheFunctionAndTheTrainingJobPrinted() {
        Cli.Result preprocess = Cli.onTwin("logs", "preprocess");
        assertEquals(0, preprocess.status(), preprocess::toString);
        assertTrue(preprocess.out().contains(MODEL), preprocess.out());

        // watch and history name the training job, so its logs are one command away
        Matcher shown = Pattern.compile("✓ Train .* job (mlpipe-" + MODEL + "-\\d{14}-[0-9a-f]{6})").matcher(watched.out());
        assertTrue(shown.find(), watched.out());
        String job = shown.group(1);
        assertTrue(Cli.onTwin("history", executionName()).out().contains("sagemaker:createTrainingJob.sync " + job));
        try (SageMakerClient sageMaker = Clients.twin(SharedTwin.endpoint()).sageMaker()) {
            assertEquals("Completed", sageMaker.describeTrainingJob(r -> r.trainingJobName(job)).trainingJobStatusAsString());
        }
        Cli.Result training = Cli.onTwin("logs", job);
        assertEquals(0, training.status(), training::toString);
        assertTrue(training.out().contains("auc"), training.out());

        Cli.Result none = Cli.onTwin("logs", "nosuchthing");
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no function or training job named nosuchthing: functions are "), none.err());
    }

    @Test
    void runRetrainsTheLatestDropByHandEvenThoughItAlreadyRan() {
        Cli.Result run = Cli.onTwin("run", "--model", MODEL, "--watch");
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().startsWith("arn:aws:states:us-east-1:000000000000:execution:"), run.out());
        assertTrue(run.out().contains("execution manual-" + MODEL + "-"), run.out());
        assertTrue(run.out().contains("/incoming/" + MODEL + "/customers.csv)"), "the latest drop by default:\n" + run.out());
        assertTrue(run.out().contains("✓ Train "), "a manual run trains again:\n" + run.out());
        // the same data retrained gives the same model: equal to the champion is not better than it
        assertTrue(Pattern.compile("→ REJECTED version \\d{6} after .* does not beat the champion").matcher(run.out()).find(), run.out());
    }

    @Test
    void watchExitsOneWhenTheExecutionFails() throws Exception {
        Path bad = csv.resolveSibling("no-target.csv");
        Files.writeString(bad, "a,b\n1,2\n3,4\n");
        Cli.Result upload = Cli.onTwin("upload", bad.toString(), "--model", "broken", "--watch");
        assertEquals(1, upload.status(), upload::toString);
        assertTrue(Pattern.compile("✗ Preprocess .*DataValidationError").matcher(upload.out()).find(), upload.out());
        assertTrue(upload.out().contains("→ FAILED after"), upload.out());
        assertTrue(upload.out().contains("look at: ./mlpipe history "), upload.out());
    }

    private static String executionName() {
        Matcher name = Pattern.compile("execution (\\S+) \\(model " + MODEL).matcher(watched.out());
        assertTrue(name.find(), watched.out());
        return name.group(1);
    }
}
