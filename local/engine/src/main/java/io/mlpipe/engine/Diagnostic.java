package io.mlpipe.engine;

/**
 * One definition problem, in AWS's style: a code (SCHEMA_VALIDATION_FAILED,
 * MISSING_TRANSITION_TARGET, UNREACHABLE_STATE, INVALID_JSON_PATH, INVALID_JSONATA, ...),
 * a message and the JSON pointer of the field it is about.
 */
public record Diagnostic(String code, String message, String location) {
    @Override
    public String toString() { return code + ": " + message + " at " + location; }
}
