package io.mlpipe.engine.spi;

/** Randomness the engine uses (States.MathRandom, States.UUID, $random, $uuid, jitter, task tokens). */
public interface Entropy {
    /** A uniformly distributed double in [0, 1). */
    double nextDouble();

    /** A random (version 4) UUID string. */
    String uuid();

    /** The JDK's thread-safe generators. */
    static Entropy system() {
        return new Entropy() {
            public double nextDouble() { return java.util.concurrent.ThreadLocalRandom.current().nextDouble(); }

            public String uuid() { return java.util.UUID.randomUUID().toString(); }
        };
    }
}
