package io.mlpipe.it;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A deployed pipeline, as a user reaches it: the names its stack outputs, and how to build AWS SDK
 * clients and AWS CLI calls that talk to it. The local twin and a real AWS deployment both implement it;
 * the scenarios only ever see this interface.
 */
public interface PipelineUnderTest extends AutoCloseable {
    /** The stack's outputs: DataBucketName, StateMachineArn, ApiUrl, RunsTableName, ModelsTableName, ... */
    String bucket();

    String stateMachineArn();

    /** The REST API's base URL, ending with a slash. */
    URI apiUrl();

    String runsTable();

    String modelsTable();

    Region region();

    AwsCredentialsProvider credentials();

    /** Points an SDK client builder at the pipeline (endpoint, region, credentials). */
    <B extends AwsClientBuilder<B, C>, C> C client(B builder);

    /** What to add to an AWS CLI v2 command line ({@code --endpoint-url} on the twin). */
    List<String> awsCliArguments();

    /** The AWS CLI's environment (credentials and region on the twin, the caller's own on AWS). */
    Map<String, String> awsCliEnvironment();

    /** Whether {@link #restart()} is possible (only the twin can be stopped and started again). */
    default boolean restartable() {
        return false;
    }

    /** Stops the pipeline's services and starts them again on the same state. */
    default void restart() throws Exception {
        throw new UnsupportedOperationException("only the local twin restarts");
    }

    /** Kills the pipeline's services (SIGKILL: no shutdown of any kind) and starts them again on the same state. */
    default void crashAndRestart() throws Exception {
        throw new UnsupportedOperationException("only the local twin restarts");
    }

    @Override
    void close();
}
