package io.mlpipe.schemas;

import java.util.regex.Pattern;

/**
 * The sort keys of the models table (docs/CONTRACTS.md): each registered version under its
 * zero-padded package version, the champion pointer, and the per-model deployment lease. Readers
 * that list versions must skip the other two.
 */
public final class ModelsTableKeys {
    public static final String CHAMPION = "champion";
    public static final String LEASE = "lock";

    private static final Pattern VERSION = Pattern.compile("\\d{6}");

    private ModelsTableKeys() {
    }

    /** Whether an item's {@code version} names a registered model version (not the champion or the lease). */
    public static boolean isVersion(String sortKey) {
        return sortKey != null && VERSION.matcher(sortKey).matches();
    }
}
