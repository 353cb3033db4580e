package io.mlpipe.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.connection.Resources;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.console.ConsolePlugin;
import io.mlpipe.protocol.Json;
import io.mlpipe.stepfunctions.StepFunctionsPlugin;
import io.mlpipe.twin.Twin;
import io.mlpipe.twin.TwinInfo;
import io.mlpipe.twin.edge.HealthHandler;
import io.mlpipe.twin.sagemaker.SageMakerPlugin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole twin, assembled the same way for every command and test: the edge services, local SageMaker,
 * Step Functions, the web console, the synthesized template and the CLI's own info and logs routes.
 */
public final class LocalTwin implements AutoCloseable {
    /** {@code GET /_mlpipe/logs/{function or training job}}: what it printed (served by the CLI's info plugin). */
    public static final String LOGS_PATH = "/_mlpipe/logs/";
    private final Twin twin;
    private final Resources resources;

    private LocalTwin(Twin twin, Resources resources) {
        this.twin = twin;
        this.resources = resources;
    }

    /**
     * Starts the twin, reporting each service on {@code progress} as it comes up.
     *
     * @throws CliException when the template is missing or the port is taken, saying what to do
     */
    public static LocalTwin start(TwinOptions options, PrintWriter progress) {
        Path template = options.template != null ? options.template : RepositoryRoot.template();
        if (!Files.isRegularFile(template)) {
            throw new CliException("no synthesized template at " + template
                    + ": run ./mlpipe synth or mvn package first (or pass --template FILE)");
        }
        int port = options.port();
        refuseTakenPort(port);

        SageMakerPlugin sageMaker = new SageMakerPlugin();
        ResourcesHolder holder = new ResourcesHolder();
        Twin twin = Twin.builder().dataDirectory(options.dataDirectory).port(port)
                .waitScale(options.waitScale).template(template)
                .plugin(sageMaker).plugin(new StepFunctionsPlugin()).plugin(new ConsolePlugin())
                .plugin(new InfoPlugin(() -> holder.resources, name -> holder.logs(name, sageMaker))).build();
        StartupProgress watcher = new StartupProgress(twin, progress);
        try {
            watcher.start();
            twin.start();
        } catch (BindException e) {
            throw new CliException("port " + port + " was taken while the twin started: choose another with --port N");
        } catch (Exception e) {
            throw new CliException("the twin did not start: " + e.getMessage()
                    + " (data in " + options.dataDirectory.toAbsolutePath() + ")");
        } catch (LinkageError e) {
            // modules built at different times (a class one expects is missing from another): not the user's data
            throw new CliException("the twin did not start: " + e + ": the modules on the class path do not match;"
                    + " rebuild them together: mvn -q -DskipTests install");
        } finally {
            watcher.stop();
        }
        progress.printf("  ✓ %-14s %6d ms%n", "template", twin.startupMillis());
        progress.flush();
        holder.twin = twin;
        holder.resources = resources(twin, template);
        return new LocalTwin(twin, holder.resources);
    }

    private static void refuseTakenPort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            URI there = URI.create("http://127.0.0.1:" + port);
            Resources running = null;
            try {
                running = Target.probeTwin(there);
            } catch (CliException notATwin) {
                // something else holds the port: said below
            }
            if (running != null) {
                throw new CliException("a twin is already running at " + there + ": use it (./mlpipe info, ./mlpipe demo),"
                        + " or stop it (Ctrl-C in its terminal) first");
            }
            throw new CliException("port " + port + " is taken by another program: stop it, or start the twin on"
                    + " another port with --port N (or MLPIPE_PORT=N) and point commands at it with --endpoint");
        }
    }

    /** TwinInfo, with tables named by the template's outputs (RunsTableName -> runs) and functions by short name. */
    private static Resources resources(Twin twin, Path template) {
        TwinInfo info = twin.info();
        Map<String, String> tables = new LinkedHashMap<>();
        try {
            JsonNode outputs = Json.MAPPER.readTree(template.toFile()).path("Outputs");
            outputs.fields().forEachRemaining(output -> {
                String role = Resources.tableRole(output.getKey());
                String table = info.tables().get(output.getValue().path("Value").path("Ref").asText());
                if (role != null && table != null) {
                    tables.put(role, table);
                }
            });
        } catch (IOException e) {
            throw new CliException("cannot read the template " + template + ": " + e.getMessage());
        }
        Map<String, String> functions = new LinkedHashMap<>();
        twin.stack().functions().forEach((logicalId, name) -> functions.put(Resources.functionShortName(logicalId), name));
        return new Resources(Resources.TWIN, info.endpoint(), "us-east-1", info.bucket(), info.stateMachineArn(),
                info.apiUrl(), info.consoleUrl(), tables, functions, info.dataDirectory());
    }

    public Twin twin() {
        return twin;
    }

    public URI endpoint() {
        return twin.endpoint();
    }

    public Resources resources() {
        return resources;
    }

    @Override
    public void close() {
        twin.close();
    }

    /** Filled once the twin has started; the info route answers 503 before. */
    private static final class ResourcesHolder {
        volatile Twin twin;
        volatile Resources resources;

        Optional<String> logs(String name, SageMakerPlugin sageMaker) {
            Resources current = resources;
            if (twin == null || current == null) {
                return Optional.empty();
            }
            String function = current.functions().getOrDefault(name,
                    current.functions().containsValue(name) ? name : null);
            if (function != null) {
                return Optional.of(twin.lambdas().logs().read(function));
            }
            return sageMaker.trainingLog(name);
        }
    }

    /** Prints each service once it reports running, while {@link Twin#start()} runs on the caller's thread. */
    private static final class StartupProgress {
        private final Twin twin;
        private final PrintWriter out;
        private final Set<String> shown = new LinkedHashSet<>();
        private final long started = System.nanoTime();
        private Thread thread;
        private volatile boolean running = true;

        StartupProgress(Twin twin, PrintWriter out) {
            this.twin = twin;
            this.out = out;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    report();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "mlpipe-startup-progress");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void report() {
            twin.health().forEach((service, status) -> {
                if (HealthHandler.RUNNING.equals(status) && shown.add(service)) {
                    out.printf("  ✓ %-14s %6d ms%n", service, (System.nanoTime() - started) / 1_000_000);
                    out.flush();
                }
            });
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            report();
        }
    }
}
