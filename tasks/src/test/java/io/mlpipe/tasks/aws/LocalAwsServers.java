package io.mlpipe.tasks.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One S3Proxy (in-memory blobs, SigV4 checked) and one DynamoDB Local (in memory, telemetry off) per test JVM,
 * started on first use and stopped when the JVM exits. {@link #environment} is a Lambda function environment
 * pointing every client at them, as the local twin does.
 */
final class LocalAwsServers {
    static final String ACCESS_KEY = "AKIDLOCALTEST";
    static final String SECRET_KEY = "localtestsecret";
    private static URI s3;
    private static URI dynamo;

    private LocalAwsServers() {
    }

    static synchronized URI s3() throws Exception {
        if (s3 == null) {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(proxy::stop)));
            s3 = URI.create("http://127.0.0.1:" + proxy.getPort());
        }
        return s3;
    }

    static synchronized URI dynamo() throws Exception {
        if (dynamo == null) {
            checkSqliteNative();
            int port = freePort();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server::stop)));
            dynamo = URI.create("http://127.0.0.1:" + port);
        }
        return dynamo;
    }

    static Map<String, String> environment(URI endpoint) {
        return Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Creates a table with a string hash and range key, unless it exists (the server lives as long as the JVM). */
    static void createTable(DynamoDbClient dynamo, String name, String hash, String range) {
        if (dynamo.listTables().tableNames().contains(name)) {
            return;
        }
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(hash).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(range).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(hash).keyType(KeyType.HASH), k -> k.attributeName(range).keyType(KeyType.RANGE)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** sqlite4java loads its native library from a directory, which the build fills (see tasks/pom.xml). */
    private static void checkSqliteNative() {
        String directory = System.getProperty("sqlite4java.library.path");
        if (directory == null || !Files.exists(Path.of(directory, "libsqlite4java-linux-amd64.so"))) {
            throw new IllegalStateException("DynamoDB Local needs -Dsqlite4java.library.path with libsqlite4java-linux-amd64.so"
                    + " (the Maven build copies it to tasks/target/sqlite4java)");
        }
    }

    private interface Stop {
        void stop() throws Exception;
    }

    private static void stopQuietly(Stop stop) {
        try {
            stop.stop();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
