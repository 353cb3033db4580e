package io.mlpipe.twin.spi;

import io.mlpipe.twin.edge.Route;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What the twin offers a plugin while it starts. */
public interface TwinContext {
    /** The edge URL every service is reached through, e.g. {@code http://127.0.0.1:4566}. */
    URI endpoint();

    /** The plugin's own directory under the data directory (created). */
    Path dataDirectory(String name);

    String region();

    String account();

    /** Scale of waits (Wait states, polling): 1.0 is real time, 0.001 makes a minute 60 ms. */
    double waitScale();

    /** Serves these requests on the edge; plugin routes are tried before the built-in services'. */
    void route(Route route);

    /** Reports the plugin's status on {@code GET /_mlpipe/health} ("running" when all is well). */
    void health(String service, Supplier<String> status);

    /** Takes over the template's state machines and the rules' state machine targets. */
    void stateMachines(StateMachineRegistry registry, StateMachineStarter starter);

    /** Emits an event to the local EventBridge bus (e.g. Step Functions status change events). */
    void putEvent(com.fasterxml.jackson.databind.node.ObjectNode event);

    /** Invokes a Lambda function of the twin in-process; returns the Lambda's answer as JSON text. */
    LambdaInvoker lambda();
}
