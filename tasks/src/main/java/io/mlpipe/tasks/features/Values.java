package io.mlpipe.tasks.features;

import java.nio.charset.StandardCharsets;

/**
 * How a value is read, the same in training and inference: missing, a number, or text. Works on byte ranges so
 * the CSV hot loop never builds a String for a number.
 */
public final class Values {
    private static final double[] POWERS_OF_TEN = new double[23];
    /** By "is negative" (0 or 1); -1.0 times 0 is -0.0, as the parse of "-0" must be. */
    private static final double[] SIGNS = {1.0, -1.0};

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Values() {
    }

    /**
     * Empty, or one of the spellings of "no value" that spreadsheets and pandas write, in any case: NA, N/A, NaN,
     * null. Called for every cell: numbers and most words fail on the first byte.
     */
    public static boolean isMissing(byte[] b, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return true;
        }
        if (length > 4 || (b[start] | 0x20) != 'n') {
            return false;
        }
        return switch (length) {
            case 2 -> lower(b[start + 1]) == 'a'; // na
            case 3 -> lower(b[start + 1]) == '/' ? lower(b[start + 2]) == 'a' // n/a
                    : lower(b[start + 1]) == 'a' && lower(b[start + 2]) == 'n'; // nan
            case 4 -> lower(b[start + 1]) == 'u' && lower(b[start + 2]) == 'l' && lower(b[start + 3]) == 'l'; // null
            default -> false;
        };
    }

    /** Folds ASCII upper case letters to lower case. */
    private static int lower(byte c) {
        return c | 0x20;
    }

    /** A decimal number as XGBoost reads it: [+-] digits [. digits] [e [+-] digits], at least one digit. */
    public static boolean isNumber(byte[] b, int start, int end) {
        int i = start;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(b[i])) {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(b[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    /**
     * The number in the range, or NaN when it is not one as {@link #isNumber} defines it: one scan does both.
     * Plain decimals of up to 15 significant digits are computed exactly without allocating; anything else
     * (exponents, longer mantissas) goes through {@link Double#parseDouble}. The sign is taken without a branch
     * and a digit is one unsigned compare: in a column of random signs the sign's branch was mispredicted every
     * other cell, and this parse is most of the preprocess core's time on numeric data.
     */
    public static double parseOrNaN(byte[] b, int start, int end) {
        if (start >= end) {
            return Double.NaN;
        }
        int first = b[start];
        int negative = first == '-' ? 1 : 0;
        int i = start + (negative | (first == '+' ? 1 : 0));
        int integerStart = i;
        long mantissa = 0;
        int digit;
        while (i < end && (digit = digit(b[i])) < 10) {
            mantissa = mantissa * 10 + digit;
            i++;
        }
        int digits = i - integerStart;
        int fraction = 0;
        if (i < end && b[i] == '.') {
            int fractionStart = ++i;
            while (i < end && (digit = digit(b[i])) < 10) {
                mantissa = mantissa * 10 + digit;
                i++;
            }
            fraction = i - fractionStart;
            digits += fraction;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i == end && digits <= 15) {
            // exact: the mantissa and the power of ten are doubles without rounding, so the quotient is rounded once
            return mantissa / POWERS_OF_TEN[fraction] * SIGNS[negative];
        }
        return isNumber(b, start, end)
                ? Double.parseDouble(new String(b, start, end - start, StandardCharsets.US_ASCII)) : Double.NaN;
    }

    /** The digit's value for '0' to '9'; 10 or more for any other byte. */
    private static int digit(byte c) {
        return (c - '0') & 0xFF;
    }

    public static boolean isMissing(String value) {
        byte[] b = value.trim().getBytes(StandardCharsets.UTF_8);
        return isMissing(b, 0, b.length);
    }

    public static boolean isNumber(String value) {
        byte[] b = value.trim().getBytes(StandardCharsets.UTF_8);
        return isNumber(b, 0, b.length);
    }

    private static boolean isDigit(byte c) {
        return digit(c) < 10;
    }
}
