package io.mlpipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `mlpipe` command: one subcommand per user task. */
@Command(name = "mlpipe", mixinStandardHelpOptions = true, version = "mlpipe 0.1.0",
        description = "Event-driven ML retraining pipeline for AWS, and its local twin.",
        subcommands = {CommandLine.HelpCommand.class, RunAslCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as main runs it; "@FILE" arguments are left to the commands (run-asl --input @FILE). */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExpandAtFiles(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
