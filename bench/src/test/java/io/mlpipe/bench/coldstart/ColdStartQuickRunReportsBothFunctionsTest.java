package io.mlpipe.bench.coldstart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.bench.BenchContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * `./mlpipe bench --quick coldstart` works end to end: both packages start alone in a fresh JVM, answer their requests
 * against a twin (plain and primed), and the section has its tables. Numbers are not checked: a quick run means nothing.
 */
class ColdStartQuickRunReportsBothFunctionsTest {
    @Test
    void quickRunStartsBothFunctionsFromTheirOwnPackagesAndReportsTheSection() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String section = new ColdStartBench().run(BenchContext.of(root, "coldstart", true, System.err));

        assertTrue(section.startsWith("## Lambda cold start"), section);
        assertTrue(section.contains("| preprocess (`tasks/target/mlpipe-preprocess-lambda.jar`) |"), section);
        assertTrue(section.contains("| inference (`tasks/target/mlpipe-inference-lambda.jar`) |"), section);
        for (String function : new String[] {"**preprocess**", "**inference**"}) {
            int at = section.indexOf(function);
            assertTrue(at > 0, function + " has no table:\n" + section);
            String table = section.substring(at);
            assertTrue(table.contains("| own package, not primed, C1 (Lambda's default) |"), section);
            assertTrue(table.contains("| own package, primed, C1 (Lambda's default) |"), section);
        }
        assertTrue(section.strip().endsWith("(this output came from --quick: sizes too small to mean anything)."), section);
    }
}
