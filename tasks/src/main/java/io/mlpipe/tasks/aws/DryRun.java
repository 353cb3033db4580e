package io.mlpipe.tasks.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.Callable;

/**
 * Runs AWS SDK calls up to the moment they would be sent, then stops them: request validation, marshalling, endpoint
 * rules, signing and the class loading behind them all happen, nothing reaches AWS. SnapStart priming uses it: the work
 * lands in the snapshot without side effects and without network connections in it (which a restore would not keep).
 *
 * <p>The interceptor is on every client {@link AwsClients} builds; outside {@link #attempt} it does nothing.
 */
public final class DryRun implements ExecutionInterceptor {
    static final DryRun INTERCEPTOR = new DryRun();
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private DryRun() {
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        if (ACTIVE.get()) {
            throw new Stopped();
        }
    }

    /**
     * Runs {@code calls} with every SDK call in it stopped before sending; the first stopped call ends it.
     * Code that reaches no SDK client (an in-memory store in tests) just runs.
     *
     * @throws IllegalStateException when {@code calls} fails for another reason
     */
    public static void attempt(Callable<?> calls) {
        ACTIVE.set(true);
        try {
            calls.call();
        } catch (Exception e) {
            if (!stopped(e)) {
                throw new IllegalStateException("dry run failed before its AWS call was ready to send: " + e, e);
            }
        } finally {
            ACTIVE.set(false);
        }
    }

    /** The SDK may wrap the interceptor's exception (SdkClientException); our own code may wrap that again. */
    private static boolean stopped(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("dry run: stopped before sending", null, false, false);
        }
    }
}
