package io.mlpipe.bench.cost;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.bench.BenchContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CostBenchReturnsTheCostTablesTest {
    @Test
    void quickRunReturnsTheSectionWithScenariosTheCommandsTablesAndTheReproduceLine() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        BenchContext context = BenchContext.of(root, "cost", true, new PrintStream(new ByteArrayOutputStream()));
        String section = new CostBench().run(context);
        assertTrue(section.startsWith("## Cost on AWS\n"), section);
        for (String expected : new String[] {"| retrain | state transitions | per retrain |", "| rejected by the gate | 20 |",
                "| deployed, serverless endpoint (default) | 50 |", "**Per retrain**", "**Idle, per month**",
                "Reproduce: `./mlpipe bench cost`"}) {
            assertTrue(section.contains(expected), expected + " missing from\n" + section);
        }
    }
}
