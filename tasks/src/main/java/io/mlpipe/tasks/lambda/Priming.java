package io.mlpipe.tasks.lambda;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming through CRaC runtime hooks: Lambda runs a registered resource's {@code beforeCheckpoint} once,
 * after init and before it snapshots the function, so the work done there (class loading, static initialisers, the
 * first pass through Jackson, the SDK's marshallers and endpoint rules) is already done in every restored copy and no
 * longer on its first request. On a JVM without CRaC (the twin, tests, plain Lambda) registering does nothing.
 */
public final class Priming {
    /** The bucket priming's in-memory samples live in, and its stopped AWS calls name when the function has none. */
    public static final String BUCKET = "mlpipe-priming";
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private Priming() {
    }

    /** Registers {@code handler}'s hooks; the global context holds it (the handler lives as long as the runtime). */
    public static void register(Resource handler) {
        Core.getGlobalContext().register(handler);
    }

    /**
     * Runs the priming work; a failure is logged and never stops the snapshot (the first request is just slower).
     *
     * @return whether it completed
     */
    public static boolean run(String function, Runnable work) {
        long started = System.nanoTime();
        // No request is being traced before the snapshot: the SDK's X-Ray interceptor would log an error per AWS call.
        AWSXRayRecorder xray = AWSXRay.getGlobalRecorder();
        ContextMissingStrategy traced = xray.getContextMissingStrategy();
        xray.setContextMissingStrategy(new IgnoreErrorContextMissingStrategy());
        try {
            work.run();
            LOG.info("primed {} for the snapshot in {} ms", function, (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("priming {} failed; the function works, its first request after a restore is slower", function, e);
            return false;
        } finally {
            xray.setContextMissingStrategy(traced);
        }
    }
}
