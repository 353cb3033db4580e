package io.mlpipe.bench.coldstart.crac;

/** A CRaC context as org.crac's compatibility layer expects it: a resource that resources register with. */
public abstract class Context<R extends Resource> implements Resource {
    public abstract void register(R resource);
}
