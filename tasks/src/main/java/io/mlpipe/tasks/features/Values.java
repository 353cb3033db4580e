package io.mlpipe.tasks.features;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * How a value is read, the same in training and inference: missing, a number, or text. Works on byte ranges so
 * the CSV hot loop never builds a String for a number.
 */
public final class Values {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Or-ed into a word of ASCII bytes, makes its upper case letters lower case (as {@link #lower} does one byte). */
    private static final long LOWER_CASE = 0x2020202020202020L;
    /** The missing spellings in lower case as little-endian words of their bytes. */
    private static final long NA = word("na");
    private static final long N_SLASH_A = word("n/a");
    private static final long NAN = word("nan");
    private static final long NULL = word("null");
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
     * null. Called for every cell and for every row's target: a short value is compared as one word, with no
     * branch on its bytes (a yes/no target mispredicted a branch on its first byte every other row).
     */
    public static boolean isMissing(byte[] b, int start, int end) {
        int length = end - start;
        if (b.length - start < Long.BYTES) {
            return isMissingByteByByte(b, start, end);
        }
        // the value's bytes of the word (none from 8 bytes on: Java shifts by 64 as by 0); past 4 none can match
        long value = (1L << (Math.min(length, Long.BYTES) << 3)) - 1;
        long lower = ((long) LONGS.get(b, start) | LOWER_CASE) & value;
        return length == 0 | lower == NA | lower == N_SLASH_A | lower == NAN | lower == NULL;
    }

    /** {@link #isMissing} without reading past the value, for one near the end of its array. */
    private static boolean isMissingByteByByte(byte[] b, int start, int end) {
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

    private static long word(String ascii) {
        long word = 0;
        for (int i = ascii.length() - 1; i >= 0; i--) {
            word = word << 8 | ascii.charAt(i);
        }
        return word;
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
