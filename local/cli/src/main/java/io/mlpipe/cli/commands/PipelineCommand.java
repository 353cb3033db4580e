package io.mlpipe.cli.commands;

import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.cli.connection.Target;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the pipeline (the twin, or AWS with --aws): connects, runs, closes the clients. */
abstract class PipelineCommand implements Callable<Integer> {
    @Mixin
    Target target;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        try (Pipeline pipeline = target.connect()) {
            return run(pipeline);
        }
    }

    /** @return the exit status */
    abstract int run(Pipeline pipeline);
}
