package io.mlpipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EveryCommandExplainsItselfTest {

    @Test
    void topLevelHelpListsTheCommands() {
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.status());
        for (String command : new String[] {"up", "demo", "info", "upload", "run", "watch", "executions", "history", "predict",
                "models", "logs", "synth", "deploy", "destroy", "run-asl", "cost"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " missing from\n" + help.out());
        }
    }

    @Test
    void eachCommandHasHelpAndThoseTalkingToThePipelineTakeAws() {
        CommandLine root = Main.commandLine();
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Cli.Result help = Cli.run(name, "--help");
            assertEquals(0, help.status(), name);
            assertTrue(help.out().startsWith("Usage: mlpipe " + name), help.out());
        }
        for (String name : new String[] {"demo", "info", "upload", "run", "watch", "executions", "history", "predict", "models", "logs"}) {
            String usage = Cli.run(name, "--help").out();
            assertTrue(usage.contains("--aws") && usage.contains("--profile") && usage.contains("--region") && usage.contains("--endpoint"),
                    name + ":\n" + usage);
        }
    }
}
