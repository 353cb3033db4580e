package io.mlpipe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a user does with the pipeline, through its public interfaces only: S3 uploads (SDK and AWS CLI),
 * Step Functions API calls, DynamoDB reads of the runs and models tables, SageMaker describe calls, and
 * SigV4-signed REST calls to the inference API. The same code drives the twin and a real deployment.
 */
final class PipelineUser {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<ExecutionStatus> FINISHED = Set.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED,
            ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED);

    final PipelineUnderTest pipeline;
    final Target target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** execution ARN -> the object key its input names (inputs never change). */
    private final Map<String, String> keyOfExecution = new ConcurrentHashMap<>();
    private volatile Clients clients;

    PipelineUser(PipelineUnderTest pipeline, Target target) {
        this.pipeline = pipeline;
        this.target = target;
    }

    /** SDK clients, rebuilt when the pipeline restarts (its endpoint may be the same, the connections are not). */
    record Clients(S3Client s3, SfnClient sfn, DynamoDbClient dynamoDb, SageMakerClient sageMaker,
                   EventBridgeClient events, SqsClient sqs) {
    }

    Clients clients() {
        Clients current = clients;
        if (current == null) {
            current = new Clients(
                    pipeline.client(S3Client.builder().forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())),
                    pipeline.client(SfnClient.builder().httpClient(UrlConnectionHttpClient.create())),
                    pipeline.client(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())),
                    pipeline.client(SageMakerClient.builder().httpClient(UrlConnectionHttpClient.create())),
                    pipeline.client(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create())),
                    pipeline.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create())));
            clients = current;
        }
        return current;
    }

    void restart() throws Exception {
        pipeline.restart();
        clients = null;
    }

    void crashAndRestart() throws Exception {
        pipeline.crashAndRestart();
        clients = null;
    }

    /** How long a whole run may take: seconds on the twin, a training job plus an endpoint on AWS. */
    Duration runTimeout() {
        return target == Target.TWIN ? Duration.ofSeconds(120) : Duration.ofMinutes(45);
    }

    private Duration pollInterval() {
        return target == Target.TWIN ? Duration.ofMillis(200) : Duration.ofSeconds(10);
    }

    private static final Set<String> MODELS_CREATED = ConcurrentHashMap.newKeySet();

    /** Every model name {@link #model} gave out in this JVM (the AWS fixture deletes their endpoints). */
    static Set<String> modelsCreated() {
        return Set.copyOf(MODELS_CREATED);
    }

    /** A model name of this test run: {@code purpose} plus a random suffix, so tests run in any order, again. */
    static String model(String purpose) {
        StringBuilder name = new StringBuilder(purpose).append('-');
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 5; i++) {
            name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        MODELS_CREATED.add(name.toString());
        return name.toString();
    }

    // ------------------------------------------------------------------ S3

    /** Uploads a CSV to {@code incoming/<model>/<file>} with the AWS SDK; returns the key. */
    String drop(String model, String file, String csv) {
        return drop(model, file, csv.getBytes(StandardCharsets.UTF_8));
    }

    String drop(String model, String file, byte[] content) {
        String key = "incoming/" + model + "/" + file;
        clients().s3().putObject(r -> r.bucket(pipeline.bucket()).key(key).contentType("text/csv"), RequestBody.fromBytes(content));
        return key;
    }

    void putConfig(String model, String json) {
        clients().s3().putObject(r -> r.bucket(pipeline.bucket()).key("config/" + model + ".json")
                .contentType("application/json"), RequestBody.fromString(json));
    }

    /** Uploads a CSV as a user on a terminal does: {@code aws s3 cp FILE s3://bucket/incoming/<model>/<file>}. */
    String dropWithAwsCli(String model, String file, String csv) throws IOException, InterruptedException {
        Path local = Files.createTempFile("mlpipe-it-", ".csv");
        try {
            Files.writeString(local, csv);
            String key = "incoming/" + model + "/" + file;
            List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "s3", "cp", local.toString(),
                    "s3://" + pipeline.bucket() + "/" + key));
            command.addAll(pipeline.awsCliArguments());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(pipeline.awsCliEnvironment());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), "aws s3 cp failed: " + output);
            return key;
        } finally {
            Files.deleteIfExists(local);
        }
    }

    // ------------------------------------------------------------------ Step Functions

    record Execution(String arn, ExecutionStatus status, JsonNode input, JsonNode output, String error, String cause) {
        boolean duplicate() {
            return output != null && output.path("duplicate").asBoolean(false);
        }
    }

    String startExecution(String name, String input) {
        return clients().sfn().startExecution(r -> r.stateMachineArn(pipeline.stateMachineArn()).name(name).input(input))
                .executionArn();
    }

    Execution describe(String executionArn) {
        return execution(clients().sfn().describeExecution(r -> r.executionArn(executionArn)));
    }

    private static Execution execution(DescribeExecutionResponse d) {
        return new Execution(d.executionArn(), d.status(), tree(d.input()), d.output() == null ? null : tree(d.output()),
                d.error(), d.cause());
    }

    /** Every execution whose input names this object key (EventBridge event or manual input). */
    List<Execution> executions(String key) {
        List<Execution> found = new ArrayList<>();
        for (ExecutionListItem item : clients().sfn().listExecutionsPaginator(r -> r.stateMachineArn(pipeline.stateMachineArn()))
                .executions()) {
            String keyOfItem = keyOfExecution.get(item.executionArn());
            Execution described = null;
            if (keyOfItem == null) {
                described = describe(item.executionArn());
                keyOfItem = keyOf(described.input());
                keyOfExecution.put(item.executionArn(), keyOfItem);
            }
            if (key.equals(keyOfItem)) {
                found.add(described != null ? described : describe(item.executionArn()));
            }
        }
        return found;
    }

    static String keyOf(JsonNode input) {
        return input.has("detail") ? input.path("detail").path("object").path("key").asText() : input.path("key").asText();
    }

    /** How long a drop may take to start an execution (S3 -> EventBridge -> Step Functions). */
    Duration startTimeout() {
        return target == Target.TWIN ? Duration.ofSeconds(30) : Duration.ofMinutes(5);
    }

    /** Waits until {@code count} executions name the key and all of them have finished. */
    List<Execution> awaitExecutions(String key, int count) {
        await("an execution for s3://" + pipeline.bucket() + "/" + key + " to start (within " + startTimeout().toSeconds()
                + " s)", startTimeout(), () -> executions(key).stream().findFirst());
        return await("execution(s) for s3://" + pipeline.bucket() + "/" + key + " to finish", () -> {
            List<Execution> executions = executions(key);
            return executions.size() >= count && executions.stream().allMatch(e -> FINISHED.contains(e.status()))
                    ? Optional.of(executions) : Optional.empty();
        });
    }

    /** The one execution a dropped object started, once finished. */
    Execution awaitExecution(String key) {
        List<Execution> executions = awaitExecutions(key, 1);
        assertEquals(1, executions.size(), "executions for " + key + ": " + executions);
        return executions.get(0);
    }

    Execution awaitFinished(String executionArn) {
        return await(executionArn + " to finish", () -> {
            Execution execution = describe(executionArn);
            return FINISHED.contains(execution.status()) ? Optional.of(execution) : Optional.empty();
        });
    }

    List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        clients().sfn().getExecutionHistoryPaginator(r -> r.executionArn(executionArn)).events().forEach(events::add);
        return events;
    }

    /** The names of the states the execution entered, in order. */
    List<String> statesEntered(String executionArn) {
        return history(executionArn).stream().filter(e -> e.stateEnteredEventDetails() != null)
                .map(e -> e.stateEnteredEventDetails().name()).toList();
    }

    // ------------------------------------------------------------------ DynamoDB

    /** Every run of the model (the runs table's byModel index). */
    List<Map<String, AttributeValue>> runs(String model) {
        List<Map<String, AttributeValue>> runs = new ArrayList<>();
        clients().dynamoDb().queryPaginator(r -> r.tableName(pipeline.runsTable()).indexName("byModel")
                        .keyConditionExpression("#m = :m").expressionAttributeNames(Map.of("#m", "model"))
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(model))))
                .items().forEach(runs::add);
        return runs;
    }

    /** The run an execution recorded (matched on its executionArn attribute). */
    Map<String, AttributeValue> run(String model, String executionArn) {
        return await("the run of " + executionArn + " in " + pipeline.runsTable(), () -> runs(model).stream()
                .filter(run -> executionArn.equals(s(run, "executionArn"))).findFirst());
    }

    Optional<Map<String, AttributeValue>> champion(String model) {
        Map<String, AttributeValue> item = clients().dynamoDb().getItem(r -> r.tableName(pipeline.modelsTable()).consistentRead(true)
                .key(Map.of("model", AttributeValue.fromS(model), "version", AttributeValue.fromS("champion")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The model's registered versions (the champion pointer excluded). */
    List<Map<String, AttributeValue>> versions(String model) {
        List<Map<String, AttributeValue>> versions = new ArrayList<>();
        clients().dynamoDb().queryPaginator(r -> r.tableName(pipeline.modelsTable()).consistentRead(true)
                        .keyConditionExpression("#m = :m").expressionAttributeNames(Map.of("#m", "model"))
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(model))))
                .items().stream().filter(item -> !"champion".equals(s(item, "version"))).forEach(versions::add);
        return versions;
    }

    static String s(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s() != null ? value.s() : value.n();
    }

    // ------------------------------------------------------------------ SageMaker

    String endpointStatus(String model) {
        return clients().sageMaker().describeEndpoint(r -> r.endpointName("mlpipe-" + model)).endpointStatusAsString();
    }

    String endpointConfig(String model) {
        return clients().sageMaker().describeEndpoint(r -> r.endpointName("mlpipe-" + model)).endpointConfigName();
    }

    List<TrainingJobSummary> trainingJobs(String model) {
        List<TrainingJobSummary> jobs = new ArrayList<>();
        clients().sageMaker().listTrainingJobsPaginator(r -> r.nameContains("mlpipe-" + model + "-")).trainingJobSummaries()
                .forEach(jobs::add);
        return jobs;
    }

    // ------------------------------------------------------------------ REST

    record Response(int status, JsonNode body) {
    }

    Response predict(String model, List<Map<String, Object>> rows) {
        try {
            return post("models/" + model + "/predict", JSON.writeValueAsString(Map.of("rows", rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SigV4-signed ({@code execute-api}) POST, as an IAM-authorized caller of the REST API sends it. */
    Response post(String path, String body) {
        return send(SdkHttpMethod.POST, path, body);
    }

    Response get(String path) {
        return send(SdkHttpMethod.GET, path, null);
    }

    private Response send(SdkHttpMethod method, String path, String body) {
        URI uri = pipeline.apiUrl().resolve(path);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(method);
        if (body != null) {
            unsigned.putHeader("Content-Type", "application/json");
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(pipeline.credentials().resolveCredentials())
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, pipeline.region().id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.request().headers().forEach((name, values) -> {
            if (!Set.of("host", "content-length", "connection", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? null : tree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ waiting

    <T> T await(String what, Supplier<Optional<T>> condition) {
        return await(what, runTimeout(), condition);
    }

    <T> T await(String what, Duration timeout, Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                return fail("waited " + timeout.toSeconds() + " s for " + what + " on " + pipeline);
            }
            try {
                Thread.sleep(pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
