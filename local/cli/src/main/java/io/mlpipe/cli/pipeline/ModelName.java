package io.mlpipe.cli.pipeline;

import io.mlpipe.cli.CliException;
import java.util.regex.Pattern;

/** Model names as docs/CONTRACTS.md allows them (so every derived SageMaker name fits 63 characters). */
public final class ModelName {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9](-?[a-z0-9]){0,39}$");

    private ModelName() {
    }

    public static String check(String model) {
        if (model == null || !VALID.matcher(model).matches()) {
            throw new CliException("invalid model name " + model + ": use lower case letters, digits and single dashes,"
                    + " at most 40 characters (e.g. churn)");
        }
        return model;
    }

    /** The model of an {@code incoming/<model>/...} key, or null. */
    public static String ofKey(String key) {
        if (key == null || !key.startsWith("incoming/")) {
            return null;
        }
        String[] parts = key.split("/");
        return parts.length >= 3 ? parts[1] : null;
    }
}
