package io.mlpipe.twin.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code Ref} and {@code Fn::GetAtt} give for each resource, as CloudFormation documents it per type
 * (a bucket's Ref is its name, a queue's its URL, a topic's its ARN, a Lambda version's the qualified
 * ARN...), for the local names. Resources the twin does not run (IAM roles, log groups, keys) still get
 * their names and ARNs, since other resources refer to them.
 */
public final class ResourceAttributes {
    /** The property that names a resource, per type, when the template names it. */
    private static final Map<String, String> NAME_PROPERTY = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::StepFunctions::StateMachine", "StateMachineName"),
            Map.entry("AWS::Events::Rule", "Name"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::SageMaker::ModelPackageGroup", "ModelPackageGroupName"),
            Map.entry("AWS::ApiGateway::Model", "Name"),
            Map.entry("AWS::ApiGateway::Stage", "StageName"));

    private final JsonNode resources;
    private final PhysicalNames names;
    private final String region;
    private final String account;
    private final String stackName;
    private final String stackId;
    private final String sqsEndpoint;
    private final Map<String, String> physical = new HashMap<>();
    private final Set<String> naming = new HashSet<>();
    private IntrinsicResolver resolver;

    /** @param sqsEndpoint where queue URLs point (the twin's edge), e.g. {@code http://127.0.0.1:4566} */
    public ResourceAttributes(JsonNode template, PhysicalNames names, String region, String account, String stackName,
                              String stackId, String sqsEndpoint) {
        this.sqsEndpoint = sqsEndpoint;
        this.resources = template.path("Resources");
        this.names = names;
        this.region = region;
        this.account = account;
        this.stackName = stackName;
        this.stackId = stackId;
    }

    void attach(IntrinsicResolver resolver) {
        this.resolver = resolver;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    public String stackName() {
        return stackName;
    }

    public String stackId() {
        return stackId;
    }

    public String type(String logicalId) {
        return resources.path(logicalId).path("Type").asText();
    }

    private JsonNode property(String logicalId, String name) {
        JsonNode value = resources.path(logicalId).path("Properties").get(name);
        return value == null ? null : resolver.resolve(value);
    }

    /** The resource's name: the one the template gives, or a generated, stable one. */
    public String physicalName(String logicalId) {
        String known = physical.get(logicalId);
        if (known != null) {
            return known;
        }
        if (!naming.add(logicalId)) {
            throw new TemplateException("resource " + logicalId + " is named after itself");
        }
        String type = type(logicalId);
        String property = NAME_PROPERTY.get(type);
        JsonNode given = property == null ? null : property(logicalId, property);
        String name = given != null && !given.isMissingNode() ? given.asText() : generated(logicalId, type);
        naming.remove(logicalId);
        physical.put(logicalId, name);
        return name;
    }

    private String generated(String logicalId, String type) {
        return switch (type) {
            case "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource", "AWS::ApiGateway::Deployment",
                 "AWS::ApiGateway::RequestValidator" -> names.id(logicalId, 10);
            case "AWS::KMS::Key" -> names.id(logicalId, 32);
            default -> names.generate(logicalId, type);
        };
    }

    public String ref(String logicalId) {
        String name = physicalName(logicalId);
        return switch (type(logicalId)) {
            case "AWS::SQS::Queue" -> queueUrl(name);
            case "AWS::SNS::Topic" -> arn("sns", name);
            case "AWS::StepFunctions::StateMachine" -> arn("states", "stateMachine:" + name);
            case "AWS::Lambda::Version" -> functionArn(logicalId) + ":" + version();
            case "AWS::Lambda::Alias" -> functionArn(logicalId) + ":" + name(logicalId, "Name");
            case "AWS::SageMaker::ModelPackageGroup" -> arn("sagemaker", "model-package-group/" + name.toLowerCase(Locale.ROOT));
            default -> name;
        };
    }

    public String getAtt(String logicalId, String attribute) {
        String name = physicalName(logicalId);
        String type = type(logicalId);
        String value = switch (type + "." + attribute) {
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + name;
            case "AWS::S3::Bucket.DomainName" -> name + ".s3.amazonaws.com";
            case "AWS::S3::Bucket.RegionalDomainName" -> name + ".s3." + region + ".amazonaws.com";
            case "AWS::S3::Bucket.WebsiteURL" -> "http://" + name + ".s3-website-" + region + ".amazonaws.com";
            case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn" -> arn("dynamodb", "table/" + name + "/stream/1970-01-01T00:00:00.000");
            case "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name);
            case "AWS::Lambda::Version.Version" -> version();
            case "AWS::Lambda::Version.FunctionArn" -> functionArn(logicalId);
            case "AWS::Lambda::Alias.AliasArn" -> ref(logicalId);
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(name);
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name);
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::StepFunctions::StateMachine.Arn" -> ref(logicalId);
            case "AWS::StepFunctions::StateMachine.Name" -> name;
            case "AWS::Events::Rule.Arn" -> arn("events", "rule/" + name);
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + account + ":role/" + name;
            case "AWS::IAM::Role.RoleId" -> "AROA" + names.id(logicalId, 17).toUpperCase(Locale.ROOT);
            case "AWS::Logs::LogGroup.Arn" -> arn("logs", "log-group:" + name + ":*");
            case "AWS::KMS::Key.Arn" -> arn("kms", "key/" + name);
            case "AWS::KMS::Key.KeyId" -> name;
            case "AWS::ApiGateway::RestApi.RootResourceId" -> names.id(logicalId + "/", 10);
            case "AWS::ApiGateway::RestApi.RestApiId" -> name;
            case "AWS::ApiGateway::Deployment.DeploymentId" -> name;
            case "AWS::SageMaker::ModelPackageGroup.ModelPackageGroupArn" -> ref(logicalId);
            default -> null;
        };
        if (value != null) {
            return value;
        }
        if (attribute.equals("Arn")) {
            // a type the twin does not model: an ARN of the usual shape keeps references printable
            String[] parts = type.split("::");
            return arn(parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown",
                    (parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource") + "/" + name);
        }
        throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " (" + type + ") is not supported by the twin");
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String queueUrl(String name) {
        return sqsEndpoint + "/" + account + "/" + name;
    }

    /** The twin publishes one version per function: its code does not change while it runs. */
    private static String version() {
        return "1";
    }

    private String name(String logicalId, String property) {
        JsonNode value = property(logicalId, property);
        if (value == null || value.isMissingNode()) {
            throw new TemplateException(logicalId + " has no " + property);
        }
        return value.asText();
    }

    /** The unqualified function ARN of a Lambda Version or Alias (its FunctionName may be a name or an ARN). */
    private String functionArn(String logicalId) {
        String function = name(logicalId, "FunctionName");
        if (function.startsWith("arn:")) {
            String[] parts = function.split(":");
            return String.join(":", java.util.Arrays.copyOf(parts, 7));
        }
        return arn("lambda", "function:" + function);
    }
}
