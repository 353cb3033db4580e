package io.mlpipe.bench.coldstart.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * A CRaC implementation for a JVM without CRaC, as the Lambda Java runtime brings its own for SnapStart: with
 * {@code -Dorg.crac.Core.Compat=io.mlpipe.bench.coldstart.crac}, what functions register through org.crac (the
 * handlers' priming, Powertools' class preloading) lands here, and {@link #checkpointRestore()} runs their hooks the way
 * Lambda does before its snapshot (last registered first), then after the restore. Nothing is snapshotted: the
 * cold-start harness uses it to measure what priming moves out of the first request.
 */
public final class Core {
    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(GLOBAL);
        } catch (Exception e) {
            throw new CheckpointException(e);
        }
        try {
            GLOBAL.afterRestore(GLOBAL);
        } catch (Exception e) {
            throw new RestoreException(e);
        }
    }

    private static final class Global extends Context<Resource> {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).beforeCheckpoint(this);
            }
        }

        @Override
        public synchronized void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : resources) {
                resource.afterRestore(this);
            }
        }
    }
}
