package io.mlpipe.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Runs of the real pipeline on the shared twin, started as users start them: a CSV dropped under
 * {@code incoming/<model>/} (EventBridge starts the execution). The runs happen once per JVM and every
 * test class reads them.
 */
final class PipelineRuns {
    static final String MODEL = "churn";
    private static Runs runs;

    /**
     * A deployed first version (and one prediction by it), a second version the gate rejects (its labels
     * are noise), and a drop the preprocess step refuses (caught, then the execution fails).
     */
    record Runs(String deployedArn, String rejectedArn, String failedArn) {
    }

    private PipelineRuns() {
    }

    static synchronized Runs get() {
        if (runs == null) {
            try {
                String deployed = dropAndWait("good.csv", goodCsv(400, 7));
                String rejected = dropAndWait("noise.csv", noiseCsv(400, 11));
                String failed = dropAndWait("bad.csv", "a,target\n1,0\n");
                var prediction = ConsoleHttp.predict(MODEL, "[{\"x1\": 0.8, \"x2\": -0.3, \"plan\": \"pro\"}]");
                if (prediction.statusCode() != 200) {
                    throw new IllegalStateException("the deployed model does not predict: " + prediction.body());
                }
                runs = new Runs(deployed, rejected, failed);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return runs;
    }

    /** Puts the file under incoming/churn/ and waits for the execution it starts to end. */
    static String dropAndWait(String name, String csv) throws InterruptedException {
        SfnClient sfn = Clients.sfn(SharedTwin.endpoint());
        String machine = SharedTwin.get().info().stateMachineArn();
        int before = sfn.listExecutions(r -> r.stateMachineArn(machine)).executions().size();
        Clients.s3(SharedTwin.endpoint()).putObject(r -> r.bucket(SharedTwin.get().info().bucket()).key("incoming/" + MODEL + "/" + name),
                RequestBody.fromString(csv));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            var executions = sfn.listExecutions(r -> r.stateMachineArn(machine)).executions();
            if (executions.size() > before) {
                ExecutionListItem newest = executions.stream().max(java.util.Comparator.comparing(ExecutionListItem::startDate)).orElseThrow();
                DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(newest.executionArn()));
                if (described.status() != ExecutionStatus.RUNNING) {
                    return newest.executionArn();
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the drop of " + name + " did not end an execution within 2 minutes");
    }

    /** The same columns with labels that are coin flips: its AUC stays near 0.5, under the gate's 0.6. */
    static String noiseCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x1,x2,plan,target\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%d%n", random.nextGaussian(), random.nextGaussian(),
                    random.nextBoolean() ? "basic" : "pro", random.nextInt(2)));
        }
        return csv.toString();
    }

    /** A seeded binary classification set with a real signal in x1 and x2 and a categorical column. */
    static String goodCsv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x1,x2,plan,target\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            int plan = random.nextInt(plans.length);
            double score = 1.5 * x1 - x2 + 0.5 * plan + random.nextGaussian() * 0.5;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%d%n", x1, x2, plans[plan], score > 0.5 ? 1 : 0));
        }
        return csv.toString();
    }
}
