package io.mlpipe.twin.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.apigateway.ApiGatewayService;
import io.mlpipe.twin.apigateway.RestApi;
import io.mlpipe.twin.events.EventBus;
import io.mlpipe.twin.lambda.FunctionConfig;
import io.mlpipe.twin.lambda.LambdaFunctions;
import io.mlpipe.twin.s3.EventBridgeBuckets;
import io.mlpipe.twin.sns.SnsTopics;
import io.mlpipe.twin.spi.StateMachineDefinition;
import io.mlpipe.twin.spi.StateMachineRegistry;
import io.mlpipe.twin.sqs.SqsQueues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a synthesized CloudFormation template on the twin's services: creates a local resource for every
 * supported type, in dependency order, with intrinsics resolved to local names; lists (once) what it
 * does not emulate; fails with the resource's logical id on what it cannot run. Loading again (a
 * restart) finds the same names and keeps the data.
 */
public final class TemplateLoader {
    private static final Logger LOG = Logger.getLogger(TemplateLoader.class.getName());

    /** Types created, in this order (later ones refer to earlier ones). */
    private static final List<String> ORDER = List.of("AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::S3::Bucket",
            "Custom::S3BucketNotifications", "AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::Lambda::Version",
            "AWS::Lambda::Alias", "AWS::Lambda::Permission", "AWS::StepFunctions::StateMachine", "AWS::Events::Rule",
            "AWS::ApiGateway::RestApi", "AWS::SageMaker::ModelPackageGroup");
    /** Parts of a REST API, assembled with their RestApi. */
    private static final List<String> API_PARTS = List.of("AWS::ApiGateway::Resource",
            "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::Model", "AWS::ApiGateway::Method",
            "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage");

    /** The twin's services a template's resources become. */
    public record Services(URI s3Server, EventBridgeBuckets eventBridgeBuckets, URI dynamoDbServer, SqsQueues queues,
                           SnsTopics topics, EventBus bus, LambdaFunctions lambdas, ApiGatewayService apis,
                           Supplier<StateMachineRegistry> stateMachines, URI edge) {
    }

    private final JsonNode template;
    private final String stackName;
    private final ResourceAttributes attributes;
    private final IntrinsicResolver resolver;
    private final Services services;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<String> buckets = new ArrayList<>();
    private final List<String> eventBridgeBuckets = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, String> stateMachines = new LinkedHashMap<>();
    private final Map<String, LoadedStack.ApiStages> apis = new LinkedHashMap<>();
    private final Map<String, String> functions = new LinkedHashMap<>();
    private final Map<String, List<String>> skipped = new TreeMap<>();

    private TemplateLoader(JsonNode template, String stackName, ResourceAttributes attributes, Services services) {
        this.template = template;
        this.stackName = stackName;
        this.attributes = attributes;
        this.resolver = new IntrinsicResolver(template, attributes);
        this.services = services;
    }

    /**
     * @param seedFile where the seed of generated names is kept (created on first load)
     */
    public static LoadedStack load(Path templateFile, Path seedFile, String stackName, String region, String account,
                                   Services services) throws IOException {
        JsonNode template = read(templateFile);
        String seed = seed(seedFile);
        String stackId = "arn:aws:cloudformation:" + region + ":" + account + ":stack/" + stackName + "/"
                + UUID.nameUUIDFromBytes((seed + stackName).getBytes());
        ResourceAttributes attributes = new ResourceAttributes(template, new PhysicalNames(stackName, seed), region,
                account, stackName, stackId, services.edge().toString());
        return new TemplateLoader(template, stackName, attributes, services).load();
    }

    /** The stack name a CDK output file implies: {@code Mlpipe.template.json} -> {@code Mlpipe}. */
    public static String stackNameOf(Path templateFile) {
        String file = templateFile.getFileName().toString();
        int at = file.indexOf(".template.json");
        return at > 0 ? file.substring(0, at) : file.replaceFirst("\\.json$", "");
    }

    static JsonNode read(Path templateFile) throws IOException {
        if (!Files.exists(templateFile)) {
            throw new TemplateException("no template at " + templateFile.toAbsolutePath()
                    + " (build the workflow module: it synthesizes the template at package time)");
        }
        JsonNode template;
        try {
            template = Json.MAPPER.readTree(templateFile.toFile());
        } catch (IOException e) {
            throw new TemplateException("the template " + templateFile + " is not JSON: " + e.getMessage(), e);
        }
        if (template == null || !template.path("Resources").isObject() || template.path("Resources").isEmpty()) {
            throw new TemplateException("the template " + templateFile + " has no Resources");
        }
        if (template.has("Transform")) {
            throw new TemplateException("the template uses Transform " + template.get("Transform")
                    + ": macros (SAM, includes) are not supported by the twin");
        }
        return template;
    }

    private static String seed(Path seedFile) throws IOException {
        if (Files.exists(seedFile)) {
            return Files.readString(seedFile).trim();
        }
        Files.createDirectories(seedFile.getParent());
        String seed = UUID.randomUUID().toString();
        Files.writeString(seedFile, seed + "\n");
        return seed;
    }

    private LoadedStack load() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        template.get("Resources").fields().forEachRemaining(resource -> {
            String type = resource.getValue().path("Type").asText();
            if (resolver.exists(resource.getKey())) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(resource.getKey());
            }
        });
        byType.forEach((type, ids) -> {
            if (!ORDER.contains(type) && !API_PARTS.contains(type)) {
                skipped.put(type, ids);
            }
        });
        for (String type : ORDER) {
            for (String logicalId : byType.getOrDefault(type, List.of())) {
                try {
                    create(type, logicalId, properties(logicalId), byType);
                } catch (TemplateException e) {
                    throw new TemplateException(logicalId + " (" + type + "): " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    throw new TemplateException(logicalId + " (" + type + ") could not be created: " + e, e);
                }
            }
        }
        if (!skipped.isEmpty()) {
            StringBuilder line = new StringBuilder("template " + stackName + ": not emulated by the twin (skipped):");
            skipped.forEach((type, ids) -> line.append(' ').append(type).append(" x").append(ids.size()).append(','));
            LOG.info(line.substring(0, line.length() - 1));
        }
        return new LoadedStack(stackName, buckets, eventBridgeBuckets, tables, stateMachines, apis, functions, skipped);
    }

    private JsonNode properties(String logicalId) {
        return resolver.resolve(template.path("Resources").path(logicalId).path("Properties"));
    }

    private void create(String type, String id, JsonNode p, Map<String, List<String>> byType) {
        switch (type) {
            case "AWS::SQS::Queue" -> services.queues().create(attributes.physicalName(id), queueAttributes(p));
            case "AWS::SNS::Topic" -> services.topics().create(attributes.physicalName(id));
            case "AWS::S3::Bucket" -> createBucket(attributes.physicalName(id));
            case "Custom::S3BucketNotifications" -> {
                if (p.path("NotificationConfiguration").has("EventBridgeConfiguration")) {
                    String bucket = p.path("BucketName").asText();
                    services.eventBridgeBuckets().set(bucket, true);
                    eventBridgeBuckets.add(bucket);
                }
            }
            case "AWS::DynamoDB::Table" -> createTable(id, attributes.physicalName(id), p);
            case "AWS::Lambda::Function" -> createFunction(id, p);
            case "AWS::Lambda::Version" -> services.lambdas().qualifier(functionName(p), "1", "1");
            case "AWS::Lambda::Alias" -> services.lambdas().qualifier(functionName(p), p.path("Name").asText(),
                    p.path("FunctionVersion").asText("$LATEST"));
            case "AWS::Lambda::Permission" -> {
                // resource policies are not enforced locally: every caller may invoke
            }
            case "AWS::StepFunctions::StateMachine" -> createStateMachine(id, p);
            case "AWS::Events::Rule" -> createRule(id, p);
            case "AWS::ApiGateway::RestApi" -> createApi(id, p, byType);
            case "AWS::SageMaker::ModelPackageGroup" -> createModelPackageGroup(id, p);
            default -> throw new IllegalStateException("no creator for " + type);
        }
    }

    private static JsonNode queueAttributes(JsonNode p) {
        ObjectNode attributes = Json.object();
        for (String name : List.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
                "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "FifoQueue")) {
            if (p.has(name)) {
                attributes.put(name, p.get(name).asText());
            }
        }
        if (p.has("RedrivePolicy")) {
            attributes.put("RedrivePolicy", p.get("RedrivePolicy").toString());
        }
        return attributes;
    }

    private void createBucket(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(services.s3Server() + "/" + name))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200 && response.statusCode() != 409) {
            throw new TemplateException("S3 refused bucket " + name + ": " + response.statusCode() + " " + response.body());
        }
        buckets.add(name);
    }

    private void createTable(String id, String name, JsonNode p) {
        ObjectNode request = Json.object().put("TableName", name);
        for (String field : List.of("AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput")) {
            if (p.has(field)) {
                request.set(field, p.get(field));
            }
        }
        for (String field : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            if (p.has(field)) {
                ArrayNode indexes = request.putArray(field);
                for (JsonNode index : p.get(field)) {
                    ObjectNode copy = indexes.addObject();
                    for (String part : List.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput")) {
                        if (index.has(part)) {
                            copy.set(part, index.get(part));
                        }
                    }
                }
            }
        }
        if (p.path("StreamSpecification").has("StreamViewType")) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", p.path("StreamSpecification").path("StreamViewType").asText());
        }
        HttpResponse<String> created = dynamoDb("CreateTable", request);
        if (created.statusCode() != 200 && !created.body().contains("ResourceInUseException")) {
            throw new TemplateException("DynamoDB Local refused table " + name + ": " + created.body());
        }
        JsonNode ttl = p.path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
            ObjectNode update = Json.object().put("TableName", name);
            update.putObject("TimeToLiveSpecification").put("AttributeName", ttl.path("AttributeName").asText()).put("Enabled", true);
            dynamoDb("UpdateTimeToLive", update); // already enabled after a restart: that answer is fine too
        }
        tables.put(id, name);
    }

    private HttpResponse<String> dynamoDb(String operation, JsonNode request) {
        return send(HttpRequest.newBuilder(services.dynamoDbServer())
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                // DynamoDB Local reads the access key (letters and digits) from the signature; it checks nothing else
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=twin/20260101/" + attributes.region()
                        + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build());
    }

    private void createFunction(String id, JsonNode p) {
        String runtime = p.path("Runtime").asText("");
        String name = attributes.physicalName(id);
        if (!runtime.startsWith("java")) {
            // e.g. CDK's own Python handlers behind custom resources: their work is done by the loader itself
            skipped.computeIfAbsent("AWS::Lambda::Function (" + (runtime.isEmpty() ? "container image" : runtime) + ")",
                    t -> new ArrayList<>()).add(id);
            return;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        p.path("Environment").path("Variables").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        services.lambdas().add(new FunctionConfig(name, attributes.getAtt(id, "Arn"), p.path("Handler").asText(), runtime,
                p.path("Timeout").asInt(3), p.path("MemorySize").asInt(128), environment));
        functions.put(id, name);
    }

    private static String functionName(JsonNode p) {
        String function = p.path("FunctionName").asText();
        if (function.startsWith("arn:")) {
            return function.split(":")[6];
        }
        return function;
    }

    private void createStateMachine(String id, JsonNode p) {
        String definition = definitionText(p);
        String arn = attributes.ref(id);
        services.stateMachines().get().register(new StateMachineDefinition(attributes.physicalName(id), arn, definition,
                p.path("RoleArn").asText(null), p.path("StateMachineType").asText("STANDARD"),
                p.has("LoggingConfiguration") ? p.get("LoggingConfiguration").toString() : null));
        stateMachines.put(id, arn);
    }

    private void createRule(String id, JsonNode p) {
        String name = attributes.physicalName(id);
        String bus = p.path("EventBusName").asText(EventBus.DEFAULT_BUS);
        ObjectNode rule = Json.object().put("Name", name).put("EventBusName", bus)
                .put("State", p.path("State").asText("ENABLED"));
        if (p.has("EventPattern")) {
            JsonNode pattern = p.get("EventPattern");
            rule.put("EventPattern", pattern.isTextual() ? pattern.asText() : pattern.toString());
        }
        for (String field : List.of("ScheduleExpression", "Description", "RoleArn")) {
            if (p.has(field)) {
                rule.put(field, p.get(field).asText());
            }
        }
        services.bus().putRule(rule);
        if (p.has("Targets")) {
            ArrayNode targets = Json.MAPPER.createArrayNode();
            for (JsonNode target : p.get("Targets")) {
                ObjectNode copy = target.deepCopy();
                // CloudFormation takes Input as text or JSON; the API always as text
                if (copy.has("Input") && !copy.get("Input").isTextual()) {
                    copy.put("Input", copy.get("Input").toString());
                }
                targets.add(copy);
            }
            services.bus().putTargets(name, bus, targets);
        }
    }

    private void createApi(String apiId, JsonNode p, Map<String, List<String>> byType) {
        String id = attributes.ref(apiId);
        String root = attributes.getAtt(apiId, "RootResourceId");
        Map<String, RestApi.Resource> resources = new LinkedHashMap<>();
        resources.put(root, new RestApi.Resource(root, null, ""));
        Map<String, RestApi.Validator> validators = new LinkedHashMap<>();
        Map<String, JsonNode> models = new LinkedHashMap<>();
        Map<String, Map<String, String>> stages = new LinkedHashMap<>();
        List<RestApi.Method> methods = new ArrayList<>();
        for (String part : API_PARTS) {
            for (String partId : byType.getOrDefault(part, List.of())) {
                JsonNode q = properties(partId);
                if (!q.path("RestApiId").asText().equals(id)) {
                    continue;
                }
                switch (part) {
                    case "AWS::ApiGateway::Resource" -> resources.put(attributes.ref(partId), new RestApi.Resource(
                            attributes.ref(partId), q.path("ParentId").asText(), q.path("PathPart").asText()));
                    case "AWS::ApiGateway::RequestValidator" -> validators.put(attributes.ref(partId), new RestApi.Validator(
                            q.path("ValidateRequestBody").asBoolean(false), q.path("ValidateRequestParameters").asBoolean(false)));
                    case "AWS::ApiGateway::Model" -> models.put(attributes.ref(partId), q.path("Schema").isTextual()
                            ? parse(q.path("Schema").asText()) : q.path("Schema"));
                    case "AWS::ApiGateway::Stage" -> stages.put(q.path("StageName").asText(), stringMap(q.path("Variables")));
                    case "AWS::ApiGateway::Deployment" -> {
                        if (q.hasNonNull("StageName")) {
                            stages.putIfAbsent(q.get("StageName").asText(), Map.of());
                        }
                    }
                    case "AWS::ApiGateway::Method" -> methods.add(new RestApi.Method(q.path("ResourceId").asText(),
                            q.path("HttpMethod").asText(), q.path("Integration").path("Type").asText(),
                            integrationFunction(q.path("Integration").path("Uri").asText(null)),
                            q.path("AuthorizationType").asText("NONE"),
                            validators.getOrDefault(q.path("RequestValidatorId").asText(""), RestApi.Validator.NONE),
                            stringMap(q.path("RequestModels")), booleanMap(q.path("RequestParameters"))));
                    default -> throw new IllegalStateException(part);
                }
            }
        }
        services.apis().add(new RestApi(id, p.path("Name").asText(id), root, resources, methods, models, stages));
        apis.put(apiId, new LoadedStack.ApiStages(id, List.copyOf(stages.keySet())));
    }

    /** {@code arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations} -> the function ARN. */
    /**
     * The ASL text of an AWS::StepFunctions::StateMachine, from its resolved properties: DefinitionString or
     * Definition, with DefinitionSubstitutions applied (DefinitionS3Location is not read).
     */
    public static String definitionText(JsonNode properties) {
        String definition;
        if (properties.has("DefinitionString")) {
            definition = properties.get("DefinitionString").asText();
        } else if (properties.has("Definition")) {
            definition = properties.get("Definition").toString();
        } else {
            throw new TemplateException("only DefinitionString or Definition are supported (not DefinitionS3Location)");
        }
        for (var substitution : iterable(properties.path("DefinitionSubstitutions"))) {
            definition = definition.replace("${" + substitution.getKey() + "}", substitution.getValue().asText());
        }
        return definition;
    }

    public static String integrationFunction(String uri) {
        if (uri == null) {
            return null;
        }
        int start = uri.indexOf("/functions/");
        int end = uri.lastIndexOf("/invocations");
        return start < 0 || end < start ? null : uri.substring(start + "/functions/".length(), end);
    }

    private void createModelPackageGroup(String id, JsonNode p) {
        // created through the SageMaker API on the edge, if a SageMaker service is plugged in
        ObjectNode request = Json.object().put("ModelPackageGroupName", attributes.physicalName(id));
        if (p.has("ModelPackageGroupDescription")) {
            request.put("ModelPackageGroupDescription", p.get("ModelPackageGroupDescription").asText());
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(services.edge())
                .header("X-Amz-Target", "SageMaker.CreateModelPackageGroup")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=twin/20260101/" + attributes.region()
                        + "/sagemaker/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build());
        if (response.statusCode() != 200 && !response.body().contains("already exists")) {
            LOG.warning("model package group " + attributes.physicalName(id) + " not created: " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TemplateException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateException("interrupted");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new TemplateException("not JSON: " + json);
        }
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Map<String, Boolean> booleanMap(JsonNode node) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asBoolean()));
        return map;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
