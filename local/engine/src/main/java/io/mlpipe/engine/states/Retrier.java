package io.mlpipe.engine.states;

import java.util.List;

/**
 * A "Retry" entry: "ErrorEquals (required) ... IntervalSeconds (default 1) ... MaxAttempts
 * (default 3; 0 means never retry) ... BackoffRate (default 2.0) ... MaxDelaySeconds caps the
 * interval ... JitterStrategy FULL randomizes the interval between 0 and the computed delay".
 */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      Double maxDelaySeconds, boolean fullJitter) {

    /** The delay before retry number {@code attempt} (0-based), before jitter. */
    public double delaySeconds(int attempt) {
        double d = intervalSeconds * Math.pow(backoffRate, attempt);
        return maxDelaySeconds != null ? Math.min(d, maxDelaySeconds) : d;
    }

    public boolean matches(String error) { return ErrorMatcher.matches(errorEquals, error); }
}
