package io.mlpipe.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a JSON-protocol service: request JSON in, response JSON out, or an {@link AwsError}. */
@FunctionalInterface
public interface JsonOperation {
    JsonNode handle(JsonNode request);
}
