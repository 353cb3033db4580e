package io.mlpipe.tasks.preprocess;

import io.mlpipe.schemas.SchemaName;
import io.mlpipe.schemas.SchemaViolationException;
import io.mlpipe.schemas.Schemas;

import java.util.Map;

/**
 * The preprocess Lambda's input (schema preprocess-input). With {@code versionId} every read is of that version,
 * so an upload of a newer file in between cannot mix two files (the second pass reads the CSV again only when the
 * spill of the first does not fit /tmp).
 */
public record PreprocessRequest(String bucket, String key, String versionId, String model, String runId) {

    /** Validates the raw input; a mismatch is an {@link InputValidationError}. */
    public static PreprocessRequest from(Map<String, Object> input) {
        try {
            Schemas.shared().check(SchemaName.PREPROCESS_INPUT, input);
        } catch (SchemaViolationException e) {
            throw new InputValidationError("the preprocess input is not valid: " + String.join("; ", e.problems()));
        }
        return new PreprocessRequest((String) input.get("bucket"), (String) input.get("key"),
                (String) input.get("versionId"), (String) input.get("model"), (String) input.get("runId"));
    }

    String source() {
        return "s3://" + bucket + "/" + key;
    }

    String configKey() {
        return "config/" + model + ".json";
    }

    String processedPrefix() {
        return "processed/" + model + "/" + runId + "/";
    }
}
