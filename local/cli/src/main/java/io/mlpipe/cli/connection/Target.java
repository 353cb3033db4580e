package io.mlpipe.cli.connection;

import io.mlpipe.cli.CliException;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * Which pipeline a command talks to: the twin (default: {@code MLPIPE_ENDPOINT}, else
 * {@code http://127.0.0.1:$MLPIPE_PORT}, else port 4566) or, with {@code --aws}, the deployed stack.
 * A picocli mixin, so every command has the same options and the same resolution.
 */
public final class Target {
    public static final String INFO_PATH = "/_mlpipe/info";

    @Option(names = "--aws", description = "Talk to the deployed stack on AWS instead of the local twin.")
    boolean aws;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (with --aws; default: the SDK's chain).")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (with --aws; default: the SDK's chain).")
    String region;

    @Option(names = "--stack", paramLabel = "NAME", defaultValue = "Mlpipe",
            description = "CloudFormation stack name (with --aws; default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The twin's edge URL (default: MLPIPE_ENDPOINT, else http://127.0.0.1:MLPIPE_PORT or 4566).")
    String endpoint;

    public boolean aws() {
        return aws;
    }

    /** The twin's edge URL these options name. */
    public URI twinEndpoint() {
        if (endpoint != null) {
            return URI.create(endpoint.replaceFirst("/+$", ""));
        }
        String fromEnvironment = System.getenv("MLPIPE_ENDPOINT");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return URI.create(fromEnvironment.trim().replaceFirst("/+$", ""));
        }
        String port = System.getenv("MLPIPE_PORT");
        return URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "4566" : port.trim()));
    }

    /** Points these options at a twin (a command that started one in-process). */
    public Target useTwin(URI edge) {
        this.aws = false;
        this.endpoint = edge.toString();
        return this;
    }

    /** Resolves the resources and opens clients; fails with what to do when the twin or the stack is not there. */
    public Pipeline connect() {
        if (aws) {
            Clients clients = Clients.aws(profile, region);
            return new Pipeline(fromStack(clients), clients);
        }
        URI edge = twinEndpoint();
        return new Pipeline(twinResources(edge), Clients.twin(edge));
    }

    /** The twin's resources, or null when nothing answers at {@code edge}. */
    public static Resources probeTwin(URI edge) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(edge.resolve(INFO_PATH))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                throw new CliException("the twin at " + edge + " is still starting: try again in a few seconds");
            }
            if (response.statusCode() != 200) {
                throw new CliException("something answers at " + edge + " but it is not an mlpipe twin (GET " + INFO_PATH
                        + " answered " + response.statusCode() + "): stop it, or start the twin on another port"
                        + " (./mlpipe up --port N) and use --endpoint http://127.0.0.1:N");
            }
            return Resources.fromJson(Json.MAPPER.readTree(response.body()));
        } catch (ConnectException | HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                return null;
            }
            throw new CliException("could not read " + edge.resolve(INFO_PATH) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static Resources twinResources(URI edge) {
        Resources resources = probeTwin(edge);
        if (resources == null) {
            throw new CliException("the twin is not running at " + edge + ": start it with ./mlpipe up"
                    + " (in another terminal), or run ./mlpipe demo; for AWS add --aws");
        }
        return resources;
    }

    private Resources fromStack(Clients clients) {
        try (CloudFormationClient cloudFormation = clients.cloudFormation()) {
            Stack found = cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0);
            Map<String, String> outputs = new LinkedHashMap<>();
            found.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
            Map<String, String> tables = new LinkedHashMap<>();
            outputs.forEach((key, value) -> {
                String role = Resources.tableRole(key);
                if (role != null) {
                    tables.put(role, value);
                }
            });
            Map<String, String> functions = new LinkedHashMap<>();
            for (StackResource resource : cloudFormation.describeStackResources(r -> r.stackName(stack)).stackResources()) {
                if (resource.resourceType().equals("AWS::Lambda::Function")) {
                    functions.put(Resources.functionShortName(resource.logicalResourceId()), resource.physicalResourceId());
                }
            }
            String stateMachine = outputs.get("StateMachineArn");
            String region = clients.region().id();
            String console = stateMachine == null ? null : "https://" + region + ".console.aws.amazon.com/states/home?region="
                    + region + "#/statemachines/view/" + stateMachine;
            return new Resources(Resources.AWS, null, region, outputs.get("DataBucketName"), stateMachine,
                    outputs.get("ApiUrl"), console, tables, functions, null);
        } catch (SdkClientException e) {
            throw new CliException("cannot read the stack " + stack + " from AWS CloudFormation in " + clients.region().id() + ": "
                    + e.getMessage() + " — check your credentials (aws sts get-caller-identity"
                    + (profile == null ? "" : " --profile " + profile) + ") and network");
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw new CliException("no stack " + stack + " in " + clients.region().id()
                        + ": deploy it with ./mlpipe deploy (or pass --stack NAME / --region R)");
            }
            throw new CliException("CloudFormation: " + e.awsErrorDetails().errorMessage()
                    + " (check your credentials: aws sts get-caller-identity" + (profile == null ? "" : " --profile " + profile) + ")");
        }
    }
}
