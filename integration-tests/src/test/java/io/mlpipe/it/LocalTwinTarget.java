package io.mlpipe.it;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;

/** How clients reach a local twin, in the process or beside it: its edge URL, dummy credentials, us-east-1. */
interface LocalTwinTarget extends PipelineUnderTest {
    URI endpoint();

    @Override
    default Region region() {
        return Region.US_EAST_1;
    }

    @Override
    default AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    default <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint()).region(region()).credentialsProvider(credentials())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @Override
    default List<String> awsCliArguments() {
        return List.of("--endpoint-url", endpoint().toString());
    }

    @Override
    default Map<String, String> awsCliEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_PAGER", "", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    }

    /** A twin can always be stopped and started again on its data directory. */
    @Override
    default boolean restartable() {
        return true;
    }
}
