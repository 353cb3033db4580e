package io.mlpipe.engine;

import io.mlpipe.engine.spi.Entropy;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TimeSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything the engine takes from outside.
 *
 * @param integration the one service integration every Task calls
 * @param time        the clock (timestamps, deadlines)
 * @param entropy     randomness (UUIDs, MathRandom, jitter, task tokens)
 * @param waitScale   multiplies Wait states, Retry intervals and .sync polling; 0 = no real waiting
 *                    (timeouts are not scaled: they are real-time promises)
 * @param region      the region reported in history (taskScheduledEventDetails.region)
 * @param executor    runs started executions and the branches that may block; null = a shared
 *                    pool of daemon threads
 */
public record EngineConfig(ServiceIntegration integration, TimeSource time, Entropy entropy, double waitScale,
                           String region, ExecutorService executor) {

    private static final ExecutorService SHARED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "asl-engine");
        t.setDaemon(true);
        return t;
    });

    public EngineConfig {
        if (integration == null) integration = ServiceIntegration.none();
        if (time == null) time = TimeSource.system();
        if (entropy == null) entropy = Entropy.system();
        if (waitScale < 0) throw new IllegalArgumentException("waitScale must be >= 0");
        if (region == null) region = "us-east-1";
        if (executor == null) executor = SHARED;
    }

    public static EngineConfig defaults() { return new EngineConfig(null, null, null, 1.0, null, null); }

    public EngineConfig withIntegration(ServiceIntegration i) { return new EngineConfig(i, time, entropy, waitScale, region, executor); }

    public EngineConfig withWaitScale(double s) { return new EngineConfig(integration, time, entropy, s, region, executor); }

    public EngineConfig withTime(TimeSource t) { return new EngineConfig(integration, t, entropy, waitScale, region, executor); }

    public EngineConfig withEntropy(Entropy e) { return new EngineConfig(integration, time, e, waitScale, region, executor); }
}
