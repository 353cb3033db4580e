package io.mlpipe.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** The describe side of a .sync job: the start + poll loop lives in the engine, the calls here. */
public interface JobPoller {
    /**
     * One describe call: null while the job runs; the describe response when it completed;
     * throws {@link io.mlpipe.engine.StatesError} when it failed or stopped (e.g. SageMaker.AmazonSageMakerException).
     */
    JsonNode poll();

    /** Called when the task is abandoned (timeout, execution stopped): stop the job if possible. */
    default void cancel() {}
}
