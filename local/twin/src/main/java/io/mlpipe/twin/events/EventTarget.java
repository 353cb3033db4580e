package io.mlpipe.twin.events;

/** Delivers a rule's input to one kind of target (the service in the target's ARN). */
@FunctionalInterface
public interface EventTarget {
    /**
     * @throws TargetFailure when the target refused the input; other exceptions count as retriable
     */
    void deliver(String targetArn, String roleArn, String input) throws Exception;

    /** A failure that retrying cannot fix (the target does not exist, no service for it): straight to the DLQ. */
    final class TargetFailure extends RuntimeException {
        private final String code;

        public TargetFailure(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
