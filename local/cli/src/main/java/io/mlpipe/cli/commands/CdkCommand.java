package io.mlpipe.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** A command that hands over to the pinned CDK CLI: its own verb, then everything the user added. */
abstract class CdkCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the SDK's chain).")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the profile's).")
    String region;

    /** Everything else (options too, e.g. --require-approval never) goes to the CDK CLI. */
    @Unmatched
    List<String> extra = new ArrayList<>();

    private final List<String> verb;

    CdkCommand(String... verb) {
        this.verb = List.of(verb);
    }

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>(verb);
        arguments.addAll(extra);
        return CdkCli.run(arguments, profile, region);
    }
}
