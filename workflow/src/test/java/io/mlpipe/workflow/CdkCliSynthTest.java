package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root cdk.json drives the pinned CDK CLI (node_modules, installed by scripts/setup) to the same
 * template as the build, with no credentials and no network lookups.
 */
class CdkCliSynthTest {

    @Test
    void pinnedCliSynthesizesTheSameTemplateOffline(@TempDir Path temp) throws Exception {
        Path cli = SynthesizedStack.ROOT.resolve("node_modules/.bin/cdk");
        assumeTrue(Files.isExecutable(cli), "the pinned CDK CLI is installed by scripts/setup");
        Path outdir = temp.resolve("cdk.out");
        Path log = temp.resolve("synth.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(cli.toString(), "synth", "--no-notices", "--no-lookups",
                "--quiet", "-o", outdir.toString()))
                .directory(SynthesizedStack.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        for (String credential : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_REGION", "AWS_DEFAULT_REGION")) {
            env.remove(credential);
        }
        env.put("AWS_CONFIG_FILE", "/nonexistent");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        Process synth = builder.start();
        if (!synth.waitFor(5, TimeUnit.MINUTES)) {
            synth.destroyForcibly();
            throw new AssertionError("cdk synth did not finish in 5 minutes");
        }
        assertEquals(0, synth.exitValue(), () -> read(log));
        assertEquals(SynthesizedStack.get().templateText, Files.readString(outdir.resolve(MlpipeApp.STACK_NAME + ".template.json")));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "no log";
        }
    }
}
