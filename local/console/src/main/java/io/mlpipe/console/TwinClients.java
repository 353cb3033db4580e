package io.mlpipe.console;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients the console reads the twin with, configured as any user of the twin configures them:
 * the edge as endpoint, dummy credentials, no host prefixes (the edge is one host).
 */
public final class TwinClients implements AutoCloseable {
    private final SfnClient sfn;
    private final DynamoDbClient dynamoDb;
    private final SageMakerClient sageMaker;

    public TwinClients(URI endpoint, String region) {
        sfn = configure(SfnClient.builder(), endpoint, region);
        dynamoDb = configure(DynamoDbClient.builder(), endpoint, region);
        sageMaker = configure(SageMakerClient.builder(), endpoint, region);
    }

    private static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, URI endpoint, String region) {
        builder.httpClient(UrlConnectionHttpClient.create());
        builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("console", "console")))
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
        return builder.build();
    }

    public SfnClient sfn() {
        return sfn;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SageMakerClient sageMaker() {
        return sageMaker;
    }

    @Override
    public void close() {
        sfn.close();
        dynamoDb.close();
        sageMaker.close();
    }
}
