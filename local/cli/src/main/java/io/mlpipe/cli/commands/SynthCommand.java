package io.mlpipe.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Synthesize the CloudFormation template into cdk.out/ (the pinned CDK CLI).", "Other arguments go to the CDK CLI as they are."})
public final class SynthCommand extends CdkCommand {
    public SynthCommand() {
        super("synth", "--no-lookups");
    }
}
