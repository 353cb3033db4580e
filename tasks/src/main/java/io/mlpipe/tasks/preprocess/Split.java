package io.mlpipe.tasks.preprocess;

/**
 * The deterministic train/validation split: a data row goes to validation when a seeded hash of its index
 * falls below the fraction, so the same file always splits the same way, and both passes agree without
 * remembering anything.
 */
final class Split {
    private static final long SEED = 0x6D6C70697065L; // "mlpipe"
    private final double validationFraction;

    Split(double validationFraction) {
        this.validationFraction = validationFraction;
    }

    /** {@code rowIndex} counts the rows used for training (rows without a target are not counted). */
    boolean isValidation(long rowIndex) {
        long h = mix(SEED + rowIndex * 0x9E3779B97F4A7C15L);
        return (h >>> 11) * 0x1.0p-53 < validationFraction;
    }

    /** SplitMix64's finaliser: a cheap hash with good avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
