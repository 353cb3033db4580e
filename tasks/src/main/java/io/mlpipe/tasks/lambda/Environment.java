package io.mlpipe.tasks.lambda;

import java.util.Map;

/** Reads a function's environment variables, failing clearly when one the template must set is missing. */
public final class Environment {
    private Environment() {
    }

    public static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; the stack sets it on the function");
        }
        return value;
    }
}
