package io.mlpipe.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * A real deployment: {@code cdk deploy} with the repository's pinned CDK CLI, the stack's outputs read back
 * from CloudFormation, {@code cdk destroy} at the end (unless {@code MLPIPE_AWS_KEEP=1}). The account and
 * region are the caller's (the default credential and region chains).
 */
final class AwsPipeline implements PipelineUnderTest {
    static final String ENABLE = "MLPIPE_AWS_IT";
    static final String STACK = "Mlpipe";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Map<String, String> outputs;

    private AwsPipeline(Region region, AwsCredentialsProvider credentials, Map<String, String> outputs) {
        this.region = region;
        this.credentials = credentials;
        this.outputs = outputs;
    }

    /** Why the AWS scenarios cannot run here, or null when they can. */
    static String unavailableBecause() {
        if (!"1".equals(System.getenv(ENABLE))) {
            return "the AWS scenarios run against a real deployment only when " + ENABLE + "=1 and AWS credentials"
                    + " are present: " + ENABLE + "=1 AWS_PROFILE=<profile> AWS_REGION=<region> mvn -B -pl integration-tests"
                    + " verify (deploys the stack " + STACK + " with node_modules/.bin/cdk, runs, destroys it)";
        }
        try {
            DefaultCredentialsProvider.builder().build().resolveCredentials();
            new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            return ENABLE + "=1 but no AWS credentials or region were found (" + e.getMessage()
                    + "): set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and AWS_REGION";
        }
        return null;
    }

    static AwsPipeline deploy() throws IOException, InterruptedException {
        // throw-away: buckets, tables and logs go with the stack (docs/DEPLOY.md)
        cdk("deploy", STACK, "--require-approval", "never", "-c", "mlpipe:removalPolicy=destroy");
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(region)
                .credentialsProvider(credentials).build()) {
            Map<String, String> outputs = cloudFormation.describeStacks(r -> r.stackName(STACK)).stacks().get(0)
                    .outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
            return new AwsPipeline(region, credentials, outputs);
        }
    }

    private static void cdk(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("node_modules/.bin/cdk").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--no-notices"));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cdk " + String.join(" ", arguments) + " failed (exit " + process.exitValue() + ")");
        }
    }

    private String output(String name) {
        String value = outputs.get(name);
        if (value == null) {
            throw new IllegalStateException("the stack " + STACK + " has no output " + name + ": " + outputs.keySet());
        }
        return value;
    }

    @Override
    public String bucket() {
        return output("DataBucketName");
    }

    @Override
    public String stateMachineArn() {
        return output("StateMachineArn");
    }

    @Override
    public URI apiUrl() {
        String url = output("ApiUrl");
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String runsTable() {
        return output("RunsTableName");
    }

    @Override
    public String modelsTable() {
        return output("ModelsTableName");
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.region(region).credentialsProvider(credentials).build();
    }

    @Override
    public List<String> awsCliArguments() {
        return List.of("--region", region.id());
    }

    @Override
    public Map<String, String> awsCliEnvironment() {
        return Map.of("AWS_PAGER", "");
    }

    @Override
    public void close() {
        if ("1".equals(System.getenv("MLPIPE_AWS_KEEP"))) {
            return;
        }
        try {
            deleteEndpoints();
            emptyBuckets();
            cdk("destroy", STACK, "--force", "-c", "mlpipe:removalPolicy=destroy");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("cdk destroy " + STACK + " failed: " + e.getMessage() + "; destroy it by hand");
        }
    }

    /** The pipeline's endpoints are not in the stack: delete those of the models these tests created. */
    private void deleteEndpoints() {
        try (SageMakerClient sageMaker = client(SageMakerClient.builder())) {
            for (String model : PipelineUser.modelsCreated()) {
                try {
                    sageMaker.deleteEndpoint(r -> r.endpointName("mlpipe-" + model));
                } catch (SageMakerException e) {
                    // never deployed
                }
            }
        }
    }

    /** {@code cdk destroy} deletes only empty buckets: delete every object version and delete marker first. */
    private void emptyBuckets() {
        try (CloudFormationClient cloudFormation = client(CloudFormationClient.builder()); S3Client s3 = client(S3Client.builder())) {
            cloudFormation.describeStackResources(r -> r.stackName(STACK)).stackResources().stream()
                    .filter(resource -> "AWS::S3::Bucket".equals(resource.resourceType()))
                    .forEach(bucket -> s3.listObjectVersionsPaginator(r -> r.bucket(bucket.physicalResourceId())).forEach(page -> {
                        List<ObjectIdentifier> objects = new java.util.ArrayList<>();
                        page.versions().forEach(v -> objects.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                        page.deleteMarkers().forEach(m -> objects.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                        if (!objects.isEmpty()) {
                            s3.deleteObjects(r -> r.bucket(bucket.physicalResourceId()).delete(d -> d.objects(objects)));
                        }
                    }));
        }
    }

    @Override
    public String toString() {
        return "the stack " + STACK + " in " + region;
    }
}
