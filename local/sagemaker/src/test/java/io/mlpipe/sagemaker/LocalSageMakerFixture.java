package io.mlpipe.sagemaker;

import com.sun.net.httpserver.HttpServer;
import io.mlpipe.sagemaker.common.Arns;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * A local SageMaker on a JDK HttpServer at 127.0.0.1, as the twin's edge mounts it, with the SDK v2 clients
 * pointed at it. S3 is the shared S3Proxy.
 */
final class LocalSageMakerFixture implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::000000000000:role/mlpipe-sagemaker";
    static final String XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    final Path dataDir;
    final LocalSageMaker sageMaker;
    final HttpServer server;
    final URI endpoint;
    final SageMakerClient api;
    final SageMakerRuntimeClient runtime;
    final S3Client s3 = SharedS3.client();

    LocalSageMakerFixture(Path dataDir, double waitScale) throws Exception {
        this(dataDir, waitScale, System.getProperty("java.class.path"));
    }

    LocalSageMakerFixture(Path dataDir, double waitScale, String trainingClasspath) throws Exception {
        this.dataDir = dataDir;
        sageMaker = new LocalSageMaker(dataDir, SharedS3.objectStore(), Clock.systemUTC(), waitScale,
                new Arns("us-east-1", "000000000000"), trainingClasspath);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", sageMaker.apiHandler());
        server.createContext("/endpoints/", sageMaker.runtimeHandler());
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        api = SageMakerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
        runtime = SageMakerRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    void putObject(String key, String content) {
        s3.putObject(b -> b.bucket(SharedS3.BUCKET).key(key), RequestBody.fromString(content));
    }

    static String s3(String key) {
        return "s3://" + SharedS3.BUCKET + "/" + key;
    }

    DescribeTrainingJobResponse awaitTrainingJob(String name) {
        return await(() -> api.describeTrainingJob(b -> b.trainingJobName(name)),
                job -> !job.trainingJobStatusAsString().equals("InProgress")
                        && !job.trainingJobStatusAsString().equals("Stopping"), Duration.ofSeconds(90));
    }

    DescribeEndpointResponse awaitEndpoint(String name) {
        return await(() -> api.describeEndpoint(b -> b.endpointName(name)),
                e -> e.endpointStatus() == EndpointStatus.IN_SERVICE || e.endpointStatus() == EndpointStatus.FAILED,
                Duration.ofSeconds(30));
    }

    static <T> T await(Supplier<T> poll, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = poll.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + timeout + ": " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        api.close();
        runtime.close();
        s3.close();
        server.stop(0);
        sageMaker.close();
    }
}
