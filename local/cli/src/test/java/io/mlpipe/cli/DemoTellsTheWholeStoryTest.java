package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The product's main job: one command shows a drop deployed, a worse drop rejected and a prediction answered. */
class DemoTellsTheWholeStoryTest {

    @Test
    void firstDropIsDeployedTheWorseOneRejectedAndThePredictionAnswered() {
        long started = System.nanoTime();
        Cli.Result demo = Cli.onTwin("demo", "--model", "demo-churn");
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertEquals(0, demo.status(), demo::toString);
        String out = demo.out();
        assertTrue(out.contains("using the twin running at " + SharedTwin.endpoint()), out);
        // each state of both executions, as it ran
        for (String state : new String[] {"Preprocess", "Train", "CreateModelPackage", "EvaluateGate"}) {
            assertEquals(2, count(out, "✓ " + state + " "), state + " shown once per execution:\n" + out);
        }
        assertTrue(out.contains("✓ CreateEndpoint ") && out.contains("✓ Deployed "), out);
        // the endpoint wait loop: its first round, then one line for the other rounds (if any)
        assertEquals(1, count(out, "✓ WaitForEndpoint "), out);
        assertTrue(count(out, "✓ EndpointStatus ") == 1
                && (count(out, "↻ WaitForEndpoint → ") == 1 || count(out, "↻ ") == 0), out);
        assertTrue(out.contains("✓ RejectModelPackage ") && out.contains("✓ Rejected "), out);
        assertTrue(Pattern.compile("→ DEPLOYED version 000001 after [0-9.]+s: auc 0\\.[6-9]\\d* meets the threshold 0\\.6").matcher(out).find(), out);
        assertTrue(Pattern.compile("→ REJECTED version 000002 after [0-9.]+s: auc 0\\.[0-5]\\d* is below the threshold 0\\.6").matcher(out).find(), out);
        // the prediction: a likely churner and a loyal customer, told apart by the deployed model
        Matcher churner = Pattern.compile("month-to-month, 5 support calls\\s+→ churn (yes|no) \\(p=([0-9.]+)\\)").matcher(out);
        Matcher loyal = Pattern.compile("two-year contract\\s+→ churn (yes|no) \\(p=([0-9.]+)\\)").matcher(out);
        assertTrue(churner.find() && loyal.find(), out);
        assertEquals("yes", churner.group(1), out);
        assertEquals("no", loyal.group(1), out);
        assertTrue(out.contains("answered by model demo-churn version 000001"), out);
        // the summary: both versions, the champion, the console
        assertTrue(Pattern.compile("000001 +auc +0\\.\\d+ +Approved +Approved .*★ champion").matcher(out).find(), out);
        assertTrue(Pattern.compile("000002 +auc +0\\.\\d+ +Rejected +Rejected").matcher(out).find(), out);
        assertTrue(out.contains("console:  " + SharedTwin.endpoint() + "/_mlpipe/console/"), out);
        assertTrue(out.contains("demo done in"), out);
        assertTrue(seconds < 60, "the demo took " + seconds + " s");
    }

    @Test
    void aSecondDemoOnTheSameTwinTellsTheSameStoryWithAFreshModel() {
        Cli.Result first = Cli.onTwin("demo", "--model", "again", "--rows", "1000");
        assertEquals(0, first.status(), first::toString);
        Cli.Result second = Cli.onTwin("demo", "--model", "again", "--rows", "1000");
        assertEquals(0, second.status(), second::toString);
        assertTrue(second.out().contains("(model again already has versions from an earlier run: this demo uses again-2)"), second.out());
        assertTrue(second.out().contains("answered by model again-2 version 000001"), second.out());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
