package io.mlpipe.tasks.preprocess;

/**
 * The deterministic train/validation split: a data row goes to validation when a seeded hash of its index
 * falls below the fraction, so the same file always splits the same way, and both passes agree without
 * remembering anything.
 */
final class Split {
    private static final long SEED = 0x6D6C70697065L; // "mlpipe"
    /**
     * A row is in validation when the top 53 bits of its hash, as a fraction of 2^53, are below the validation
     * fraction: for those integers the same as being below this ceiling, so the test needs no double.
     */
    private final long threshold;

    Split(double validationFraction) {
        // Clamped to [0, 2^53], the range of the hashes' top 53 bits, so validation's subtraction cannot overflow:
        // below -1023 (threshold near Long.MIN_VALUE) a fraction would otherwise put rows in validation, where the
        // double compare put none. The schema allows 0.05 to 0.5 only; NaN still gives 0 (no row), as it did.
        this.threshold = (long) Math.min(Math.max(Math.ceil(validationFraction * 0x1.0p53), 0), 0x1.0p53);
    }

    /**
     * 1 for a validation row, else 0; {@code rowIndex} counts the rows used for training (rows without a target are
     * not counted). Computed without a branch, since which rows go where is random and a mispredicted branch per row
     * costs more than the hash.
     */
    int validation(long rowIndex) {
        long h = mix(SEED + rowIndex * 0x9E3779B97F4A7C15L) >>> 11;
        return (int) ((h - threshold) >>> 63);
    }

    /** SplitMix64's finaliser: a cheap hash with good avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
