package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which cells are numbers, which are missing, and the numbers' values. */
class ValuesReadLikeXgboostTest {

    @ParameterizedTest(name = "''{0}'' number={1} missing={2}")
    @CsvSource(delimiter = '|', textBlock = """
            42        | true  | false
            -3.25     | true  | false
            +.5       | true  | false
            7.        | true  | false
            1e-3      | true  | false
            6.02E23   | true  | false
            ''        | false | true
            NA        | false | true
            n/a       | false | true
            NaN       | false | true
            NULL      | false | true
            na        | false | true
            nA        | false | true
            N/a       | false | true
            nan       | false | true
            no        | false | false
            none      | false | false
            nul       | false | false
            nulls     | false | false
            nab       | false | false
            n/b       | false | false
            1e5       | true  | false
            -0.5      | true  | false
            .5        | true  | false
            fourty    | false | false
            1,000     | false | false
            1e        | false | false
            .         | false | false
            -         | false | false
            12abc     | false | false
            Infinity  | false | false
            0x1F      | false | false
            +         | false | false
            -+1       | false | false
            --1       | false | false
            1/2       | false | false
            /1        | false | false
            1:        | false | false
            12°       | false | false
            """)
    void classifiesCells(String cell, boolean number, boolean missing) {
        assertEquals(number, Values.isNumber(cell));
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        assertEquals(number, !Double.isNaN(Values.parseOrNaN(bytes, 0, bytes.length)));
        assertEquals(missing, Values.isMissing(cell));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"42", "-3.25", "+.5", ".5", "-0.5", "7.", "1e-3", "1e5", "6.02E23", "0.1", "123456789.123456", "12345678901234567890", "-0.000001", "-0", "+0", "-0.0", "-.0",
            "999999999999999", "-99999999999999.9", "9999999999999999"})
    void parsesExactlyLikeDoubleParseDouble(String cell) {
        byte[] bytes = cell.getBytes(StandardCharsets.US_ASCII);
        assertEquals(Double.parseDouble(cell), Values.parseOrNaN(bytes, 0, bytes.length));
    }

    /**
     * The word-at-a-time paths (short decimals, missing spellings) read 8 bytes around a value inside a record
     * buffer: random short cells at every offset between random neighbours read exactly as the definitions say.
     */
    @Test
    void readsShortCellsInsideABufferLikeTheirDefinitions() {
        SplittableRandom random = new SplittableRandom(8);
        String alphabet = "0123456789.-+eEnNaAuUlL/ x";
        Set<String> missing = Set.of("", "na", "n/a", "nan", "null");
        byte[] buffer = new byte[40];
        for (int n = 0; n < 200_000; n++) {
            StringBuilder cell = new StringBuilder();
            int length = random.nextInt(11);
            for (int i = 0; i < length; i++) {
                cell.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 11 : alphabet.length())));
            }
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int start = random.nextInt(buffer.length - length + 1);
            byte[] bytes = cell.toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, buffer, start, length);
            String text = cell.toString();
            double expected = text.equals(text.trim()) && Values.isNumber(text) ? Double.parseDouble(text) : Double.NaN;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Values.parseOrNaN(buffer, start, start + length)),
                    "'" + text + "' at " + start);
            assertEquals(missing.contains(text.toLowerCase(Locale.ROOT)), Values.isMissing(buffer, start, start + length),
                    "'" + text + "' at " + start);
        }
    }
}
