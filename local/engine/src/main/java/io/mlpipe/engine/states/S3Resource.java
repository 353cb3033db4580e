package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.runtime.StateRun;
import io.mlpipe.engine.spi.IntegrationPattern;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;

/**
 * The S3 calls a Distributed Map makes itself (ItemReader: s3:getObject, s3:listObjectsV2;
 * ResultWriter: s3:putObject). They go through the one ServiceIntegration as service "s3" with
 * the parameters the S3 API takes (Bucket, Key, Prefix, Body, ContinuationToken); a failure is
 * {@code failure} (States.ItemReaderFailed / States.ResultWriterFailed) with the service's error
 * in the cause.
 */
record S3Resource(String arn, String action, String failure) {
    static final String PREFIX = "arn:aws:states:::s3:";

    /** Null when {@code arn} is not arn:aws:states:::s3:{@code action} for one of {@code allowed}. */
    static S3Resource parse(String arn, String failure, java.util.Set<String> allowed) {
        if (arn == null || !arn.startsWith(PREFIX)) return null;
        String action = arn.substring(PREFIX.length());
        return allowed.contains(action) ? new S3Resource(arn, action, failure) : null;
    }

    /** One call; the response's JSON (for getObject: "Body" as text). */
    JsonNode call(JsonNode parameters, StateRun run) {
        TaskRequest request = new TaskRequest(arn, "s3", action, null, IntegrationPattern.REQUEST_RESPONSE, parameters,
                null, null, 0, 0, run.executionArn(), run.stateName());
        try {
            TaskResponse response = run.config().integration().invoke(request);
            if (response instanceof TaskResponse.Result r && r.output() != null) return r.output();
            throw new StatesError(failure, "s3:" + action + " answered no result");
        } catch (StatesError e) {
            if (e.error().equals(failure)) throw e;
            throw new StatesError(failure, "s3:" + action + " failed: " + e.error() + (e.cause().isEmpty() ? "" : ": " + e.cause()));
        } catch (RuntimeException e) {
            throw new StatesError(failure, "s3:" + action + " failed: " + e);
        }
    }
}
