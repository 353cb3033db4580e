package io.mlpipe.engine.states;

import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts, per query language (anything else is a validation error). */
final class FieldSets {
    private FieldSets() {}

    static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

    static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Pass", Set.of("Next", "End", "Result", "Assign"),
            "Task", Set.of("Next", "End", "Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials", "Retry", "Catch", "Assign"),
            "Choice", Set.of("Choices", "Default", "Assign"),
            "Wait", Set.of("Next", "End", "Seconds", "Timestamp", "Assign"),
            "Succeed", Set.of(),
            "Fail", Set.of("Error", "Cause"),
            "Parallel", Set.of("Next", "End", "Branches", "Retry", "Catch", "Assign"),
            "Map", Set.of("Next", "End", "Iterator", "ItemProcessor", "ItemSelector", "MaxConcurrency",
                    "ToleratedFailureCount", "ToleratedFailurePercentage", "ItemReader", "ResultWriter", "ItemBatcher",
                    "Label", "Retry", "Catch", "Assign"));

    /** Fields only JSONPath states accept, by type. */
    static final Map<String, Set<String>> JSONPATH_ONLY = Map.of(
            "Pass", Set.of("InputPath", "OutputPath", "Parameters", "ResultPath"),
            "Task", Set.of("InputPath", "OutputPath", "Parameters", "ResultPath", "ResultSelector", "TimeoutSecondsPath", "HeartbeatSecondsPath"),
            "Choice", Set.of("InputPath", "OutputPath"),
            "Wait", Set.of("InputPath", "OutputPath", "SecondsPath", "TimestampPath"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("ErrorPath", "CausePath"),
            "Parallel", Set.of("InputPath", "OutputPath", "Parameters", "ResultPath", "ResultSelector"),
            "Map", Set.of("InputPath", "OutputPath", "Parameters", "ResultPath", "ResultSelector", "ItemsPath",
                    "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"));

    /** Fields only JSONata states accept, by type. */
    static final Map<String, Set<String>> JSONATA_ONLY = Map.of(
            "Pass", Set.of("Output"),
            "Task", Set.of("Output", "Arguments"),
            "Choice", Set.of("Output"),
            "Wait", Set.of("Output"),
            "Succeed", Set.of("Output"),
            "Fail", Set.of(),
            "Parallel", Set.of("Output", "Arguments"),
            "Map", Set.of("Output", "Items"));
}
