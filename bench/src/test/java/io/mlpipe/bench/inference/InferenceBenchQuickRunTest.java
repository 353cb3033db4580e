package io.mlpipe.bench.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpipe.bench.BenchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `./mlpipe bench --quick inference` works end to end: a twin deploys, JMH and wrk run, the section has its shape. */
class InferenceBenchQuickRunTest {
    @Test
    void aQuickRunReportsTheInProcessAndTheLoadTables() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isRegularFile(root.resolve("workflow/target/cdk.out/Mlpipe.template.json")),
                "no synthesized template: build the workflow module first (mvn package)");

        String section = new InferenceBench().run(BenchContext.of(root, "inference", true, System.err));

        assertTrue(section.startsWith("## Inference\n"), section);
        for (String row : new String[] {"| XGBoost4J DMatrix from the floats + predict (the limit) |",
                "| inference handler, API Gateway event to response |", "| handler's own overhead",
                "| 1 row: twin REST API (wrk) |", "| 1 row: XGBoost4J direct (the limit) |",
                "| 100 rows: twin REST API (wrk) |", "| 100 rows: twin vs limit (times worse) |"}) {
            assertTrue(section.contains(row), "missing " + row + " in\n" + section);
        }
        assertTrue(section.contains("Reproduce: `./mlpipe bench inference`"), section);
        assertFalse(section.contains("NaN") || section.contains("Infinity"), section);
    }
}
