package io.mlpipe.engine.states;

/**
 * ToleratedFailureCount / ToleratedFailurePercentage, evaluated for one run of a Map state:
 * "Step Functions calculates the percentage of failed items as the result of the total number of
 * failed or timed out items divided by the total number of items"; the run fails when either
 * value is exceeded. Neither given: "the default percentage value is zero, which means the
 * workflow fails if any one of its child workflow executions fails".
 *
 * @param count   the tolerated number of failed items, or negative when absent
 * @param percent the tolerated percentage (0..100), or negative when absent
 */
record FailureTolerance(double count, double percent) {

    /** True when either field was given (an inline Map then fails with States.ExceedToleratedFailureThreshold). */
    boolean given() { return count >= 0 || percent >= 0; }

    /** True when {@code failures} of {@code total} items exceed the tolerance. */
    boolean exceeded(int failures, int total) {
        if (failures == 0) return false;
        if (!given()) return true;
        return (count >= 0 && failures > count) || (percent >= 0 && failures * 100.0 / total > percent);
    }
}
