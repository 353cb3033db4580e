package io.mlpipe.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service integration answers to one {@link TaskRequest}. */
public sealed interface TaskResponse {

    /** The call's response: the task's result (request-response) or the submit response (callback). */
    record Result(JsonNode output) implements TaskResponse {}

    /**
     * A started job (.sync): {@code submitted} is the start call's response (the TaskSubmitted
     * event); the engine then polls {@code poller} every {@code pollIntervalSeconds} (times the
     * wait scale) until it answers the describe response, which becomes the task's result.
     */
    record Job(JsonNode submitted, JobPoller poller, double pollIntervalSeconds) implements TaskResponse {}

    static TaskResponse result(JsonNode output) { return new Result(output); }
}
