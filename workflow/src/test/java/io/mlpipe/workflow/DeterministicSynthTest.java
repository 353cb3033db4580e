package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template is the same byte for byte in another JVM (a different Map.of iteration order, a
 * different jsii process): that is what the CDK CLI and the Maven build each run.
 */
class DeterministicSynthTest {

    @Test
    void anotherJvmSynthesizesTheSameTemplate(@TempDir Path temp) throws Exception {
        Path outdir = temp.resolve("cdk.out");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, MlpipeApp.class.getName()))
                .directory(SynthesizedStack.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("synth.log").toFile());
        process.environment().put("CDK_OUTDIR", outdir.toString());
        Process synth = process.start();
        if (!synth.waitFor(5, TimeUnit.MINUTES)) {
            synth.destroyForcibly();
            throw new AssertionError("synth did not finish in 5 minutes");
        }
        assertEquals(0, synth.exitValue(), () -> readLog(temp));
        String again = Files.readString(outdir.resolve(MlpipeApp.STACK_NAME + ".template.json"));
        assertEquals(SynthesizedStack.get().templateText, again);
    }

    private static String readLog(Path temp) {
        try {
            return Files.readString(temp.resolve("synth.log"));
        } catch (Exception e) {
            return "no log";
        }
    }
}
