package io.mlpipe.engine.spi;

/** How a Task waits for its service: the resource ARN's suffix decides. */
public enum IntegrationPattern {
    /** No suffix: "call a service and let Step Functions progress to the next state after it gets an HTTP response". */
    REQUEST_RESPONSE(""),
    /** ".sync" (and ".sync:2"): "wait for a job to complete". */
    RUN_JOB(".sync"),
    /** ".waitForTaskToken": "pause until a task token is returned" by SendTaskSuccess/SendTaskFailure. */
    CALLBACK(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) { this.suffix = suffix; }

    public String suffix() { return suffix; }
}
