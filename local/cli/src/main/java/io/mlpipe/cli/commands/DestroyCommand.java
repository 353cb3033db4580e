package io.mlpipe.cli.commands;

import picocli.CommandLine.Command;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete the deployed stack with the pinned CDK CLI.", "Other arguments go to the CDK CLI as they are."})
public final class DestroyCommand extends CdkCommand {
    public DestroyCommand() {
        super("destroy");
    }
}
