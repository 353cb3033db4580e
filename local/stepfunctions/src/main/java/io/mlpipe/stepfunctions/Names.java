package io.mlpipe.stepfunctions;

import io.mlpipe.protocol.AwsError;

/**
 * AWS's rules for state machine and execution names: 1 to 80 characters, none of whitespace,
 * {@code < > { } [ ]}, {@code ? *}, {@code " # % \ ^ | ~ ` $ & , ; : /} or control characters.
 */
final class Names {
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {
    }

    static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > 80 || !allowed(name)) {
            throw AwsError.client("InvalidName", "Invalid Name: '" + name + "'");
        }
        return name;
    }

    private static boolean allowed(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1f || c >= 0x7f && c <= 0x9f) {
                return false;
            }
        }
        return true;
    }
}
