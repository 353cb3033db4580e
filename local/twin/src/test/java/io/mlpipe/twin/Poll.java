package io.mlpipe.twin;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something asynchronous (event delivery) to show, failing the test after a deadline. */
public final class Poll {
    private Poll() {
    }

    public static <T> T until(Supplier<Optional<T>> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
