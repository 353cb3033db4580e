package io.mlpipe.stepfunctions;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK v2 clients configured as a user of the twin configures them. */
final class Clients {
    private Clients() {
    }

    private static <B extends AwsClientBuilder<B, C>, C> C configure(B builder, URI endpoint) {
        builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
        return builder.build();
    }

    static SfnClient sfn(URI endpoint) {
        return configure(SfnClient.builder().httpClient(UrlConnectionHttpClient.create()), endpoint);
    }

    static SqsClient sqs(URI endpoint) {
        return configure(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()), endpoint);
    }

    static SnsClient sns(URI endpoint) {
        return configure(SnsClient.builder().httpClient(UrlConnectionHttpClient.create()), endpoint);
    }

    static DynamoDbClient dynamoDb(URI endpoint) {
        return configure(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()), endpoint);
    }

    static SageMakerClient sageMaker(URI endpoint) {
        return configure(SageMakerClient.builder().httpClient(UrlConnectionHttpClient.create()), endpoint);
    }

    static S3Client s3(URI endpoint) {
        return configure(S3Client.builder().forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()), endpoint);
    }
}
