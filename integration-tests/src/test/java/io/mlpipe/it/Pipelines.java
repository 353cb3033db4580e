package io.mlpipe.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumMap;
import java.util.Map;

/**
 * The shared fixture: one pipeline per target per test JVM, started on first use and stopped when the JVM
 * exits. The AWS target is skipped (a JUnit assumption, with how to enable it) unless it is enabled.
 */
final class Pipelines {
    /** {@code -Dmlpipe.it.twin=in-process}: the twin in the test JVM (debugging); default: {@code mlpipe up} in a child process. */
    static final String TWIN_FIXTURE = "mlpipe.it.twin";
    private static final Map<Target, PipelineUser> USERS = new EnumMap<>(Target.class);
    private static final Map<Target, RuntimeException> FAILED = new EnumMap<>(Target.class);

    private Pipelines() {
    }

    static synchronized PipelineUser user(Target target) {
        if (target == Target.AWS) {
            String unavailable = AwsPipeline.unavailableBecause();
            assumeTrue(unavailable == null, unavailable);
        }
        if (FAILED.containsKey(target)) {
            throw FAILED.get(target);
        }
        PipelineUser user = USERS.get(target);
        if (user == null) {
            try {
                long started = System.nanoTime();
                PipelineUnderTest pipeline = target == Target.AWS ? AwsPipeline.deploy()
                        : "in-process".equals(System.getProperty(TWIN_FIXTURE)) ? TwinPipeline.start()
                        : TwinProcessPipeline.start();
                Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "mlpipe-it-" + target));
                System.out.printf("mlpipe-it: %s ready in %d ms%n", pipeline, (System.nanoTime() - started) / 1_000_000);
                user = new PipelineUser(pipeline, target);
                USERS.put(target, user);
            } catch (Exception e) {
                FAILED.put(target, new IllegalStateException(target + " did not start: " + e.getMessage(), e));
                throw FAILED.get(target);
            }
        }
        return user;
    }
}
