package io.mlpipe.cli;

import io.mlpipe.cli.commands.CostCommand;
import io.mlpipe.cli.commands.DemoCommand;
import io.mlpipe.cli.commands.DeployCommand;
import io.mlpipe.cli.commands.DestroyCommand;
import io.mlpipe.cli.commands.ExecutionsCommand;
import io.mlpipe.cli.commands.HistoryCommand;
import io.mlpipe.cli.commands.InfoCommand;
import io.mlpipe.cli.commands.LogsCommand;
import io.mlpipe.cli.commands.ModelsCommand;
import io.mlpipe.cli.commands.PredictCommand;
import io.mlpipe.cli.commands.RunCommand;
import io.mlpipe.cli.commands.SynthCommand;
import io.mlpipe.cli.commands.UpCommand;
import io.mlpipe.cli.commands.UploadCommand;
import io.mlpipe.cli.commands.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `mlpipe` command: one subcommand per user task. */
@Command(name = "mlpipe", mixinStandardHelpOptions = true, version = "mlpipe 0.1.0",
        description = "Event-driven ML retraining pipeline for AWS, and its local twin.",
        subcommands = {CommandLine.HelpCommand.class, UpCommand.class, DemoCommand.class, InfoCommand.class,
                UploadCommand.class, RunCommand.class, WatchCommand.class, ExecutionsCommand.class, HistoryCommand.class,
                PredictCommand.class, ModelsCommand.class, LogsCommand.class, SynthCommand.class, DeployCommand.class,
                DestroyCommand.class, RunAslCommand.class, CostCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as main runs it; "@FILE" arguments are left to the commands (run-asl --input @FILE). */
    static CommandLine commandLine() {
        // The tasks' X-Ray instrumentor (on the class path with the twin) wraps every SDK client, the CLI's too;
        // outside Lambda there is no segment, and its default would log an error for every call.
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy",
                System.getProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR"));
        return new CommandLine(new Main()).setExpandAtFiles(false).setExecutionExceptionHandler(new Errors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
