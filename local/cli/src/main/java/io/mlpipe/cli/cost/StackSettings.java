package io.mlpipe.cli.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.template.IntrinsicResolver;
import io.mlpipe.twin.template.PhysicalNames;
import io.mlpipe.twin.template.ResourceAttributes;
import io.mlpipe.twin.template.TemplateException;
import io.mlpipe.twin.template.TemplateLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the synthesized template says that costs money: the state machine (type, definition with its intrinsics
 * resolved by the twin's resolver, logging, tracing), the Lambda functions (memory, architecture, runtime,
 * SnapStart), the DynamoDB tables, alarms, dashboards, KMS keys, log groups and the REST API.
 */
public record StackSettings(String stateMachineType, JsonNode definition, String logLevel, boolean tracing,
                            Map<String, Function> functions, Map<String, Table> tables, int alarmMetrics, int dashboards,
                            int kmsKeys, int maxLogRetentionDays, Function apiFunction, boolean apiTracing,
                            boolean apiDetailedMetrics) {

    /** A Lambda function; {@code names} are every Ref and ARN that reach it (function, versions, aliases). */
    public record Function(String logicalId, int memoryMb, String architecture, String runtime, boolean snapStart,
                           int publishedVersions, List<String> names, Map<String, String> environment) {
        public double memoryGb() {
            return memoryMb / 1024.0;
        }

        public boolean java() {
            return runtime.startsWith("java");
        }
    }

    /** An on-demand table and how many global secondary indexes each write also writes. */
    public record Table(String logicalId, String name, int globalIndexes) {
    }

    public static StackSettings read(Path templateFile) {
        if (!Files.isRegularFile(templateFile)) {
            throw new CliException("no synthesized template at " + templateFile + ": run ./mlpipe synth or mvn package first");
        }
        try {
            return of(Json.MAPPER.readTree(templateFile.toFile()), TemplateLoader.stackNameOf(templateFile));
        } catch (IOException e) {
            throw new CliException("the template " + templateFile + " is not JSON (" + e.getMessage() + "): run ./mlpipe synth again");
        }
    }

    public static StackSettings of(JsonNode template, String stackName) {
        ResourceAttributes attributes = new ResourceAttributes(template, new PhysicalNames(stackName, "cost"), "us-east-1",
                "123456789012", stackName, "arn:aws:cloudformation:us-east-1:123456789012:stack/" + stackName + "/cost",
                "http://localhost");
        IntrinsicResolver resolver = new IntrinsicResolver(template, attributes);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (resolver.exists(e.getKey())) {
                byId.put(e.getKey(), e.getValue());
            }
        });

        Map<String, Function> functions = functions(byId, resolver, attributes);
        Map<String, Table> tables = new LinkedHashMap<>();
        int alarmMetrics = 0;
        int dashboards = 0;
        int keys = 0;
        int retention = 0;
        JsonNode stateMachine = null;
        Function apiFunction = null;
        boolean apiTracing = false;
        boolean apiDetailedMetrics = false;
        for (Map.Entry<String, JsonNode> resource : byId.entrySet()) {
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::DynamoDB::Table" -> {
                    if ("PROVISIONED".equals(properties.path("BillingMode").asText("PROVISIONED"))) {
                        throw new CliException("table " + id + " uses provisioned capacity: the cost command prices on-demand tables only");
                    }
                    String name = resolver.ref(id).asText();
                    tables.put(name, new Table(id, name, properties.path("GlobalSecondaryIndexes").size()));
                }
                case "AWS::CloudWatch::Alarm" -> alarmMetrics += properties.has("Metrics")
                        ? (int) count(properties.get("Metrics"), m -> m.has("MetricStat")) : 1;
                case "AWS::CloudWatch::Dashboard" -> dashboards++;
                case "AWS::KMS::Key" -> keys++;
                case "AWS::Logs::LogGroup" -> retention = Math.max(retention, properties.path("RetentionInDays").asInt(3653));
                case "AWS::StepFunctions::StateMachine" -> {
                    if (stateMachine != null) {
                        throw new CliException("the template has more than one state machine: the cost command prices one pipeline");
                    }
                    stateMachine = resolver.resolve(properties);
                }
                case "AWS::ApiGateway::Method" -> {
                    String target = TemplateLoader.integrationFunction(resolver.resolve(properties.path("Integration").path("Uri")).asText(null));
                    if (target != null) {
                        apiFunction = find(functions, target);
                    }
                }
                case "AWS::ApiGateway::Stage" -> {
                    apiTracing |= properties.path("TracingEnabled").asBoolean(false);
                    for (JsonNode method : properties.path("MethodSettings")) {
                        apiDetailedMetrics |= method.path("MetricsEnabled").asBoolean(false);
                    }
                }
                default -> {
                }
            }
        }
        if (stateMachine == null) {
            throw new CliException("the template has no AWS::StepFunctions::StateMachine: is it mlpipe's? run ./mlpipe synth");
        }
        return new StackSettings(stateMachine.path("StateMachineType").asText("STANDARD"), definition(stateMachine),
                stateMachine.path("LoggingConfiguration").path("Level").asText("OFF"),
                stateMachine.path("TracingConfiguration").path("Enabled").asBoolean(false), functions, tables, alarmMetrics,
                dashboards, keys, retention, apiFunction, apiTracing, apiDetailedMetrics);
    }

    /** The function a state machine or an integration names (by Ref, ARN, version or alias). */
    public Function function(String name) {
        return find(functions, name);
    }

    /** The table a state names (its resolved TableName). */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new CliException("the state machine names table " + name + ", which the template does not define");
        }
        return table;
    }

    private static Function find(Map<String, Function> functions, String name) {
        for (Function function : functions.values()) {
            if (function.names().contains(name)) {
                return function;
            }
        }
        throw new CliException("the template refers to Lambda function " + name + ", which it does not define");
    }

    private static Map<String, Function> functions(Map<String, JsonNode> byId, IntrinsicResolver resolver, ResourceAttributes attributes) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        byId.forEach((id, resource) -> {
            switch (resource.path("Type").asText()) {
                case "AWS::Lambda::Function" -> {
                    names.computeIfAbsent(id, k -> new ArrayList<>()).add(resolver.ref(id).asText());
                    names.get(id).add(attributes.getAtt(id, "Arn"));
                }
                case "AWS::Lambda::Version", "AWS::Lambda::Alias" -> {
                    String function = resource.path("Properties").path("FunctionName").path("Ref").asText(null);
                    if (function != null) {
                        names.computeIfAbsent(function, k -> new ArrayList<>()).add(resolver.ref(id).asText());
                        if (resource.path("Type").asText().equals("AWS::Lambda::Version")) {
                            versions.merge(function, 1, Integer::sum);
                        }
                    }
                }
                default -> {
                }
            }
        });
        Map<String, Function> functions = new LinkedHashMap<>();
        byId.forEach((id, resource) -> {
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")) {
                JsonNode p = resource.path("Properties");
                Map<String, String> environment = new LinkedHashMap<>();
                resolver.resolve(p.path("Environment").path("Variables")).fields()
                        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
                functions.put(id, new Function(id, p.path("MemorySize").asInt(128), p.path("Architectures").path(0).asText("x86_64"),
                        p.path("Runtime").asText(""), "PublishedVersions".equals(p.path("SnapStart").path("ApplyOn").asText()),
                        versions.getOrDefault(id, 0), List.copyOf(names.get(id)), environment));
            }
        });
        return functions;
    }

    /** The definition as the twin reads it ({@link TemplateLoader#definitionText}). */
    private static JsonNode definition(JsonNode stateMachine) {
        String text;
        try {
            text = TemplateLoader.definitionText(stateMachine);
        } catch (TemplateException e) {
            throw new CliException("the state machine's definition is in S3 (DefinitionS3Location): the cost command reads it from the template only");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new CliException("the state machine definition is not JSON: " + e.getMessage());
        }
    }

    private static long count(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        long n = 0;
        for (JsonNode element : array) {
            if (test.test(element)) {
                n++;
            }
        }
        return n;
    }
}
