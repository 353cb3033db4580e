package io.mlpipe.tasks.aws;

import com.sun.net.httpserver.HttpServer;
import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.inference.ApiResponse;
import io.mlpipe.tasks.inference.InferenceService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inference path over the real adapters: the champion from DynamoDB Local, features.json from S3Proxy, the
 * endpoint over SageMaker runtime's wire protocol, the call logged back to DynamoDB Local.
 */
class InferenceAgainstLocalServersTest {
    private static final String BUCKET = "mlpipe-inference-data";
    private static HttpServer endpoint;
    private static DynamoDbClient dynamo;
    private static InferenceService service;

    @BeforeAll
    static void start() throws Exception {
        S3Client s3 = new AwsClients(LocalAwsServers.environment(LocalAwsServers.s3())).s3();
        dynamo = new AwsClients(LocalAwsServers.environment(LocalAwsServers.dynamo())).dynamoDb();
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/endpoints/mlpipe-flowers/invocations", exchange -> {
            byte[] answer = "0.1,0.7,0.2\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
        var runtime = new AwsClients(LocalAwsServers.environment(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort())))
                .sageMakerRuntime();

        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        FeatureSpec spec = new FeatureSpec("flowers", "r-1", "species", ProblemType.MULTICLASS_CLASSIFICATION,
                List.of(Feature.numeric("petal_length"), Feature.categorical("colour", List.of("blue", "white"))), List.of(1, 2, 3));
        s3.putObject(b -> b.bucket(BUCKET).key("processed/flowers/r-1/features.json"), RequestBody.fromBytes(spec.toJson()));
        LocalAwsServers.createTable(dynamo, "inf-models", "model", "version");
        LocalAwsServers.createTable(dynamo, "inf-log", "model", "requestId");
        dynamo.putItem(b -> b.tableName("inf-models").item(Map.of(
                "model", AttributeValue.fromS("flowers"), "version", AttributeValue.fromS("champion"),
                "championVersion", AttributeValue.fromS("000004"), "endpointName", AttributeValue.fromS("mlpipe-flowers"),
                "featuresUri", AttributeValue.fromS("s3://" + BUCKET + "/processed/flowers/r-1/features.json"),
                "metricValue", AttributeValue.fromN("0.05"))));
        service = new InferenceService(new DynamoModelTable(dynamo, "inf-models"), new S3ObjectStore(s3),
                new SageMakerEndpointInvoker(runtime), new DynamoInferenceLog(dynamo, "inf-log"),
                Clock.systemUTC(), Duration.ofDays(7), UUID::randomUUID);
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @Test
    void predictsWithTheChampionAndLogsTheCall() {
        ApiResponse response = service.predict("flowers", "{\"rows\": [{\"petal_length\": 4.2, \"colour\": \"white\"}]}");

        assertEquals(200, response.status(), response.body().toString());
        assertEquals("000004", response.body().get("version"));
        assertEquals(2, ((Map<?, ?>) ((List<?>) response.body().get("predictions")).get(0)).get("label"));
        var logged = dynamo.query(b -> b.tableName("inf-log").keyConditionExpression("#m = :m")
                .expressionAttributeNames(Map.of("#m", "model"))
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS("flowers")))).items();
        assertEquals(1, logged.size());
        assertEquals("000004", logged.get(0).get("version").s());
        assertEquals("200", logged.get(0).get("status").n());
    }
}
