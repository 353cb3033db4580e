package io.mlpipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.AslEngine;
import io.mlpipe.engine.DefinitionException;
import io.mlpipe.engine.Diagnostic;
import io.mlpipe.engine.EngineConfig;
import io.mlpipe.engine.Execution;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionRequest;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.HistoryEvent;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * `mlpipe run-asl DEFINITION.json --input JSON|@FILE`: runs any state machine definition with the
 * twin's engine. Exit status 0 and the output JSON on stdout when it succeeds; 1 and
 * "Error: Cause" on stderr when the execution fails (or times out); 2 for an invalid definition
 * or input. No AWS services are attached: Task states fail with States.Runtime.
 */
@Command(name = "run-asl", mixinStandardHelpOptions = true,
        description = "Run a state machine definition (Amazon States Language) locally and print its output.")
public final class RunAslCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DEFINITION.json", description = "The state machine definition file.")
    Path definition;

    @Option(names = "--input", paramLabel = "JSON|@FILE", defaultValue = "{}",
            description = "The execution input: JSON text, or @path to a file holding it (default: {}).")
    String input;

    @Option(names = "--history", description = "Also print the execution history (GetExecutionHistory's events) on stderr.")
    boolean history;

    @Option(names = "--wait-scale", paramLabel = "N", defaultValue = "1",
            description = "Multiply Wait states and Retry intervals by N (0 = do not wait; default: 1).")
    double waitScale;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StateMachineDefinition machine;
        JsonNode inputJson;
        try {
            machine = StateMachineDefinition.parse(Files.readString(definition));
            inputJson = Json.parse(input.startsWith("@") ? Files.readString(Path.of(input.substring(1))) : input);
        } catch (DefinitionException e) {
            for (Diagnostic d : e.diagnostics()) err.println(d);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("run-asl: " + e.getMessage());
            return 2;
        }
        if (waitScale < 0) {
            err.println("run-asl: --wait-scale must be >= 0");
            return 2;
        }
        AslEngine engine = new AslEngine(EngineConfig.defaults().withWaitScale(waitScale));
        String name = definition.getFileName().toString().replaceAll("\\.json$", "");
        Execution execution = engine.runToEnd(machine, ExecutionRequest.of(name, inputJson), ExecutionListener.NONE);
        ExecutionResult result = execution.result();
        if (history) {
            ArrayNode events = Json.NODES.arrayNode();
            for (HistoryEvent e : execution.history()) events.add(e.toJson());
            err.println(Json.pretty(Json.object().set("events", events)));
        }
        if (result.succeeded()) {
            out.println(Json.write(result.output()));
            out.flush();
            return 0;
        }
        err.println(result.error() + ": " + result.cause());
        err.flush();
        return 1;
    }
}
