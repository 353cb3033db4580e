package io.mlpipe.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the stack to AWS with the pinned CDK CLI (bootstrap first: see docs/DEPLOY.md).", "Other arguments go to the CDK CLI as they are."})
public final class DeployCommand extends CdkCommand {
    public DeployCommand() {
        super("deploy");
    }
}
