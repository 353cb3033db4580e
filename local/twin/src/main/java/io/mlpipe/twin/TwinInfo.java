package io.mlpipe.twin;

import java.util.Map;

/**
 * What {@code mlpipe info --json} prints: where the twin is and the names of the template's resources.
 *
 * @param bucket the EventBridge-enabled data bucket (null without a template)
 * @param tables logical id -> table name
 * @param stateMachineArn the template's (first) state machine
 * @param apiUrl the REST API's base URL (stage root), null without one
 */
public record TwinInfo(String endpoint, String bucket, Map<String, String> tables, String stateMachineArn,
                       String apiUrl, String consoleUrl, String dataDirectory) {
}
