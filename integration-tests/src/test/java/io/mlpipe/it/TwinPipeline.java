package io.mlpipe.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.stepfunctions.StepFunctionsPlugin;
import io.mlpipe.twin.Twin;
import io.mlpipe.twin.TwinInfo;
import io.mlpipe.twin.sagemaker.SageMakerPlugin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The local twin with the synthesized template, as {@code ./mlpipe up} assembles it (edge services, local
 * SageMaker, Step Functions), on a free port with a fresh data directory under {@code target/it-twin/}.
 * Started in this JVM; {@link #restart()} stops every service and starts them again on the same data
 * directory and port.
 */
final class TwinPipeline implements LocalTwinTarget {
    static final Path TEMPLATE = Path.of("../workflow/target/cdk.out/Mlpipe.template.json");
    /** As {@code ./mlpipe up}'s default: an endpoint wait loop takes milliseconds. */
    static final double WAIT_SCALE = 0.001;

    private final Path data;
    private final int port;
    private Twin twin;
    private String runsTable;
    private String modelsTable;

    private TwinPipeline(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static TwinPipeline start() throws Exception {
        if (!Files.isRegularFile(TEMPLATE)) {
            throw new IllegalStateException("no synthesized template at " + TEMPLATE.toAbsolutePath()
                    + ": build the workflow module first (mvn -pl integration-tests -am install -DskipTests)");
        }
        Path data = Files.createDirectories(Path.of("target", "it-twin",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))));
        TwinPipeline pipeline = new TwinPipeline(data.toAbsolutePath(), freePort());
        pipeline.startTwin();
        return pipeline;
    }

    private void startTwin() throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) { // the port of a stopped twin may take a moment to free
            try {
                twin = Twin.builder().dataDirectory(data).port(port).waitScale(WAIT_SCALE).template(TEMPLATE)
                        .plugin(new SageMakerPlugin()).plugin(new StepFunctionsPlugin()).build().start();
                break;
            } catch (java.net.BindException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        if (twin == null) {
            throw last;
        }
        TwinInfo info = twin.info();
        JsonNode outputs = new ObjectMapper().readTree(TEMPLATE.toFile()).path("Outputs");
        runsTable = info.tables().get(outputs.path("RunsTableName").path("Value").path("Ref").asText());
        modelsTable = info.tables().get(outputs.path("ModelsTableName").path("Value").path("Ref").asText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public URI endpoint() {
        return twin.endpoint();
    }

    @Override
    public String bucket() {
        return twin.info().bucket();
    }

    @Override
    public String stateMachineArn() {
        return twin.info().stateMachineArn();
    }

    @Override
    public URI apiUrl() {
        return URI.create(twin.info().apiUrl());
    }

    @Override
    public String runsTable() {
        return runsTable;
    }

    @Override
    public String modelsTable() {
        return modelsTable;
    }


    @Override
    public synchronized void restart() throws Exception {
        twin.close();
        twin = null;
        startTwin();
    }

    @Override
    public synchronized void close() {
        if (twin != null) {
            twin.close();
        }
    }

    @Override
    public String toString() {
        return "the local twin at " + endpoint() + " (data in " + data + ")";
    }
}
