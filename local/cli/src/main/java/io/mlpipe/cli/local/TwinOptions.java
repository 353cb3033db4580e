package io.mlpipe.cli.local;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to start the twin: the same options for every command that starts one (up, demo). */
public final class TwinOptions {
    /** Small enough that the pipeline's endpoint wait loop (Wait states, .sync polling) takes milliseconds. */
    public static final double DEFAULT_WAIT_SCALE = 0.001;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".mlpipe",
            description = "Where the twin keeps its state (default: ${DEFAULT-VALUE} in the working directory).")
    public Path dataDirectory = Path.of(".mlpipe");

    @Option(names = "--port", paramLabel = "N",
            description = "Edge port (default: MLPIPE_PORT, else 4566; 0 picks a free one).")
    public Integer port;

    @Option(names = "--wait-scale", paramLabel = "X", defaultValue = "" + DEFAULT_WAIT_SCALE,
            description = "Scale of waits (Wait states, polling, endpoint deployment); 1 is real time (default: ${DEFAULT-VALUE}).")
    public double waitScale = DEFAULT_WAIT_SCALE;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The synthesized template (default: workflow/target/cdk.out/Mlpipe.template.json in the repository).")
    public Path template;

    public int port() {
        if (port != null) {
            return port;
        }
        String fromEnvironment = System.getenv("MLPIPE_PORT");
        return fromEnvironment == null || fromEnvironment.isBlank() ? 4566 : Integer.parseInt(fromEnvironment.trim());
    }
}
