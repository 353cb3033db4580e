package io.mlpipe.cli.commands;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.local.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the pinned CDK CLI (./node_modules/.bin/cdk, installed by scripts/setup) in the repository, attached to this terminal. */
final class CdkCli {
    private CdkCli() {
    }

    static int run(List<String> arguments, String profile, String region) {
        Path root = RepositoryRoot.find();
        Path cdk = root.resolve("node_modules/.bin/cdk");
        if (!Files.isExecutable(cdk)) {
            throw new CliException("the pinned CDK CLI is not installed at " + cdk + ": run scripts/setup first");
        }
        List<String> command = new ArrayList<>(List.of(cdk.toString()));
        command.addAll(arguments);
        command.add("--no-notices");
        if (profile != null) {
            command.addAll(List.of("--profile", profile));
        }
        ProcessBuilder process = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
        process.environment().put("CDK_DISABLE_CLI_TELEMETRY", "true");
        process.environment().putIfAbsent("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        if (region != null) {
            process.environment().put("AWS_REGION", region);
            process.environment().put("CDK_DEFAULT_REGION", region);
        }
        try {
            return process.start().waitFor();
        } catch (IOException e) {
            throw new CliException("could not run " + cdk + ": " + e.getMessage() + " (is node installed? scripts/setup)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
