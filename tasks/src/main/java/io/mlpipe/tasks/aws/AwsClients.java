package io.mlpipe.tasks.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

import java.net.URI;
import java.util.Map;

/**
 * Builds the SDK clients from a function's environment (the process environment on Lambda, the template's
 * environment when the twin runs a handler in-process).
 *
 * <p>With {@code AWS_ENDPOINT_URL} set, every client talks to that endpoint: S3 path-style (the local server has
 * no virtual hosts), host-prefix injection off (the SDK would otherwise prepend e.g. "runtime." to the host), and
 * static credentials from the map when given. Without it the SDK's defaults apply, which on Lambda also keeps
 * SnapStart-restored functions on fresh credentials. Every client can do a {@link DryRun} (SnapStart priming).
 */
public final class AwsClients {
    private final Map<String, String> env;

    private static final String XRAY_CONTEXT_MISSING = "com.amazonaws.xray.strategy.contextMissingStrategy";

    public AwsClients(Map<String, String> env) {
        this.env = Map.copyOf(env);
        if (isLocal() && System.getProperty(XRAY_CONTEXT_MISSING) == null && System.getenv("AWS_XRAY_CONTEXT_MISSING") == null) {
            // Off Lambda there is no X-Ray segment: the SDK's X-Ray interceptor would log an error on every call.
            System.setProperty(XRAY_CONTEXT_MISSING, "IGNORE_ERROR");
        }
    }

    public S3Client s3() {
        var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (isLocal()) {
            builder.forcePathStyle(true);
        }
        return configure(builder).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    public SageMakerRuntimeClient sageMakerRuntime() {
        return configure(SageMakerRuntimeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    /** True when every client talks to {@code AWS_ENDPOINT_URL} (the local twin). */
    public boolean isLocal() {
        String endpoint = env.get("AWS_ENDPOINT_URL");
        return endpoint != null && !endpoint.isBlank();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")));
        // one overrideConfiguration call: a second would replace the first
        builder.overrideConfiguration(c -> {
            c.addExecutionInterceptor(DryRun.INTERCEPTOR);
            if (isLocal()) {
                c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
            }
        });
        if (!isLocal()) {
            return builder;
        }
        builder.endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL")));
        String accessKey = env.get("AWS_ACCESS_KEY_ID");
        String secretKey = env.get("AWS_SECRET_ACCESS_KEY");
        if (accessKey != null && secretKey != null) {
            String token = env.get("AWS_SESSION_TOKEN");
            builder.credentialsProvider(StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(accessKey, secretKey)
                    : AwsSessionCredentials.create(accessKey, secretKey, token)));
        }
        return builder;
    }
}
