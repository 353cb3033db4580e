package io.mlpipe.cli.connection;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The AWS SDK v2 clients every command uses. The twin and AWS differ only here: on the twin an endpoint
 * override, dummy credentials, path-style S3 and no host prefixes (StartSyncExecution's {@code sync-},
 * which a local endpoint cannot resolve); on AWS the SDK's usual profile, credential and region chains.
 * One HTTP client for all of them, named explicitly because several implementations are on the class path.
 */
public final class Clients implements AutoCloseable {
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    private Clients(URI endpoint, AwsCredentialsProvider credentials, Region region) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.region = region;
    }

    /** Clients of the twin at {@code endpoint} (which checks no credentials; region us-east-1 as the twin's). */
    public static Clients twin(URI endpoint) {
        return new Clients(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Region.US_EAST_1);
    }

    /** Clients of AWS: profile and region as given, else the SDK's default chains (environment, config files). */
    public static Clients aws(String profile, String region) {
        AwsCredentialsProvider credentials = profile == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile);
        Region resolved;
        if (region != null) {
            resolved = Region.of(region);
        } else {
            try {
                DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
                if (profile != null) {
                    chain.profileName(profile);
                }
                resolved = chain.build().getRegion();
            } catch (RuntimeException e) {
                throw new io.mlpipe.cli.CliException("no AWS region: pass --region, or set AWS_REGION or a region in"
                        + " your profile (aws configure)");
            }
        }
        return new Clients(null, credentials, resolved);
    }

    private <B extends AwsClientBuilder<B, C>, C> C configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint).overrideConfiguration(c ->
                    c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
        }
        return builder.build();
    }

    public SfnClient sfn() {
        return configure(SfnClient.builder().httpClient(http));
    }

    public S3Client s3() {
        return configure(S3Client.builder().httpClient(http).forcePathStyle(endpoint != null));
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder().httpClient(http));
    }

    public SageMakerClient sageMaker() {
        return configure(SageMakerClient.builder().httpClient(http));
    }

    public CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder().httpClient(http));
    }

    public CloudWatchLogsClient logs() {
        return configure(CloudWatchLogsClient.builder().httpClient(http));
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder().httpClient(http));
    }

    public SdkHttpClient http() {
        return http;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public Region region() {
        return region;
    }

    @Override
    public void close() {
        http.close();
    }
}
