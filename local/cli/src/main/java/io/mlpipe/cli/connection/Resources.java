package io.mlpipe.cli.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.protocol.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the pipeline's resources are, on the twin or on AWS: what {@code mlpipe info --json} prints.
 * The twin serves it at {@code GET /_mlpipe/info}; on AWS it comes from the stack's outputs.
 *
 * @param endpoint the twin's edge URL (null on AWS: the SDK's own endpoints)
 * @param tables runs, models, inferenceLog -> table name
 * @param functions short name (preprocess, inference) -> function name
 */
public record Resources(String target, String endpoint, String region, String bucket, String stateMachineArn,
                        String apiUrl, String consoleUrl, Map<String, String> tables, Map<String, String> functions,
                        String dataDirectory) {

    public static final String TWIN = "twin";
    public static final String AWS = "aws";

    public String table(String role) {
        String table = tables.get(role);
        if (table == null) {
            throw new CliException("the stack has no " + role + " table (outputs: " + tables.keySet()
                    + "): synthesize and deploy the current workflow (./mlpipe synth, then ./mlpipe up or ./mlpipe deploy)");
        }
        return table;
    }

    /** {@code RunsTableName} -> {@code runs}, {@code InferenceLogTableName} -> {@code inferenceLog}; else null. */
    public static String tableRole(String outputName) {
        if (!outputName.endsWith("TableName") || outputName.length() == "TableName".length()) {
            return null;
        }
        String role = outputName.substring(0, outputName.length() - "TableName".length());
        return Character.toLowerCase(role.charAt(0)) + role.substring(1);
    }

    /** {@code FunctionsPreprocess4E1EFDD7} -> {@code preprocess}: the CDK's logical id without path prefix and hash. */
    public static String functionShortName(String logicalId) {
        String name = logicalId.replaceFirst("[0-9A-F]{8}$", "").replaceFirst("^Functions", "");
        return name.toLowerCase(Locale.ROOT);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("target", target).put("endpoint", endpoint).put("region", region).put("bucket", bucket)
                .put("stateMachineArn", stateMachineArn).put("apiUrl", apiUrl).put("consoleUrl", consoleUrl);
        tables.forEach(json.putObject("tables")::put);
        functions.forEach(json.putObject("functions")::put);
        json.put("dataDirectory", dataDirectory);
        return json;
    }

    public static Resources fromJson(JsonNode json) {
        return new Resources(json.path("target").asText(TWIN), text(json, "endpoint"), text(json, "region"),
                text(json, "bucket"), text(json, "stateMachineArn"), text(json, "apiUrl"), text(json, "consoleUrl"),
                map(json.path("tables")), map(json.path("functions")), text(json, "dataDirectory"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
