package io.mlpipe.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Synthesize the CloudFormation template into cdk.out/ (the pinned CDK CLI).", "Other arguments go to the CDK CLI as they are."})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the SDK's chain).")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the profile's).")
    String region;

    /** Everything else (options too, e.g. --require-approval never) goes to the CDK CLI. */
    @Unmatched
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>(List.of("synth", "--no-lookups"));
        arguments.addAll(extra);
        return CdkCli.run(arguments, profile, region);
    }
}
