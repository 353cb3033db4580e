package io.mlpipe.bench.coldstart.crac;

/** A CRaC resource as org.crac's compatibility layer expects it (the shape of javax.crac / jdk.crac). */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
