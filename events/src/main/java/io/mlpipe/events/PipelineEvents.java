package io.mlpipe.events;

/** The events the pipeline puts on the default bus (docs/CONTRACTS.md, "Events the pipeline emits"). */
public final class PipelineEvents {

    /** {@code source} of every event the pipeline emits. */
    public static final String SOURCE = "mlpipe";

    private PipelineEvents() {
    }

    /** The {@code detail-type} values, one per outcome of a run. */
    public enum DetailType {
        /** A candidate passed the gate and serves predictions. */
        MODEL_DEPLOYED("ModelDeployed"),
        /** A candidate was trained and registered but did not pass the gate; the champion is unchanged. */
        MODEL_REJECTED("ModelRejected"),
        /** A step failed; the run item holds the error and cause. */
        PIPELINE_FAILED("PipelineFailed");

        private final String value;

        DetailType(String value) {
            this.value = value;
        }

        /** The wire value of {@code detail-type}. */
        public String value() {
            return value;
        }

        /** The detail type for a wire value; fails on an unknown one. */
        public static DetailType fromValue(String value) {
            for (DetailType type : values()) {
                if (type.value.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown mlpipe detail-type: " + value);
        }
    }
}
