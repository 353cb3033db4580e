package io.mlpipe.engine.spi;

/** The engine's clock: timestamps of history events, $$.Execution.StartTime, deadlines. */
@FunctionalInterface
public interface TimeSource {
    long millis();

    static TimeSource system() { return System::currentTimeMillis; }
}
