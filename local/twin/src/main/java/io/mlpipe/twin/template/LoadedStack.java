package io.mlpipe.twin.template;

import java.util.List;
import java.util.Map;

/**
 * What the loader made of a template.
 *
 * @param eventBridgeBuckets buckets with EventBridge notifications on (the data bucket first)
 * @param tables logical id -> table name
 * @param stateMachines logical id -> ARN
 * @param apis logical id -> REST API id (with its stages)
 * @param skipped resource type -> logical ids the twin does not run
 */
public record LoadedStack(String stackName, List<String> buckets, List<String> eventBridgeBuckets,
                          Map<String, String> tables, Map<String, String> stateMachines,
                          Map<String, ApiStages> apis, Map<String, String> functions,
                          Map<String, List<String>> skipped) {

    public record ApiStages(String id, List<String> stages) {
    }
}
