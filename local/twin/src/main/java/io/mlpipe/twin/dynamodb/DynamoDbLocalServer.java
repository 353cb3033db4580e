package io.mlpipe.twin.dynamodb;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Amazon's DynamoDB Local with its tables in {@code <data>/dynamodb/shared-local-instance.db}.
 *
 * <p>Its own launcher ({@code ServerRunner}/{@code DynamoDBProxyServer}) binds 0.0.0.0 with no host option
 * and sets up telemetry. We build the same Jetty server ourselves around its request handler, with the
 * connector on 127.0.0.1 and an ephemeral port, so it never listens on the network and sends nothing
 * anywhere (telemetry is only configured by those launchers). The DB is shared: tables do not depend on
 * the caller's access key and region, as the AWS CLI and the SDKs may use different dummy keys.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    private final Server server;
    private final LocalDynamoDBRequestHandler requests;
    private final URI endpoint;

    private DynamoDbLocalServer(Server server, LocalDynamoDBRequestHandler requests, URI endpoint) {
        this.server = server;
        this.requests = requests;
        this.endpoint = endpoint;
    }

    public static DynamoDbLocalServer start(Path directory) throws Exception {
        Files.createDirectories(directory);
        SqliteNative.configure(directory);
        LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(
                0, false, directory.toAbsolutePath().toString(), true, false);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new LocalDynamoDBServerHandler(requests, null));
        server.start();
        return new DynamoDbLocalServer(server, requests, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /**
     * Sends one cheap request: DynamoDB Local sets up its storage and request pipeline on the first one
     * (about a second), which the twin would rather spend while S3Proxy starts than in the first CreateTable.
     */
    public DynamoDbLocalServer warmUp() throws java.io.IOException, InterruptedException {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=twin/20260101/us-east-1/dynamodb/aws4_request,"
                                + " SignedHeaders=host, Signature=0")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return this;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String status() {
        return server.isStarted() ? "running" : server.getState();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        requests.shutdown(); // closes the SQLite database, so a new server can open it
    }
}
