package io.mlpipe.sagemaker.hosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The container's formats: Python's float notation, one line of answers, missing values in requests. */
class InvocationFormatsMatchTheContainerTest {
    @ParameterizedTest
    @CsvSource({
        "0.5, 0.5",
        "2.0, 2.0",
        "-3.0, -3.0",
        "0.0005, 0.0005000000237487257",
        "0.00001234, 1.2339999557298142e-05",
        "0.1, 0.10000000149011612",
        "12345678.0, 12345678.0",
        "1e20, 1.0000000200408773e+20",
    })
    void writesFloatsAsPythonsStr(float value, String python) {
        assertEquals(python, PredictionFormat.pythonFloat(value));
    }

    @Test
    void answersCsvOnOneLineAndListsForMulticlass() {
        assertEquals("0.25,0.75", new String(PredictionFormat.format(new float[][] {{0.25f}, {0.75f}}, "text/csv"),
                StandardCharsets.UTF_8));
        assertEquals("[0.25, 0.75],[0.5, 0.5]", new String(PredictionFormat.format(
                new float[][] {{0.25f, 0.75f}, {0.5f, 0.5f}}, "text/csv"), StandardCharsets.UTF_8));
        assertEquals("[[0.25,0.75],[0.5,0.5]]", new String(PredictionFormat.format(
                new float[][] {{0.25f, 0.75f}, {0.5f, 0.5f}}, "application/json"), StandardCharsets.UTF_8));
    }

    @Test
    void readsEmptyFieldsAsMissing() throws Exception {
        PredictionFormat.Matrix m = PredictionFormat.parse("1,,3\n4,5,\n".getBytes(StandardCharsets.UTF_8), "text/csv", 3);
        assertEquals(2, m.rows());
        assertArrayEquals(new float[] {1, Float.NaN, 3, 4, 5, Float.NaN}, m.values());
        PredictionFormat.Matrix sparse = PredictionFormat.parse("0:1 2:3".getBytes(StandardCharsets.UTF_8), "text/libsvm", 3);
        assertArrayEquals(new float[] {1, Float.NaN, 3}, sparse.values());
    }

    @Test
    void refusesWhatTheContainerRefuses() {
        assertThrows(PredictionFormat.UnsupportedInput.class,
                () -> PredictionFormat.parse("1,2\n3".getBytes(StandardCharsets.UTF_8), "text/csv", 2));
        assertThrows(PredictionFormat.UnsupportedInput.class, () -> PredictionFormat.answerType("application/xml"));
        assertEquals("text/csv", assertDoesNotThrowType("*/*"));
    }

    private static String assertDoesNotThrowType(String accept) {
        try {
            return PredictionFormat.answerType(accept);
        } catch (PredictionFormat.UnsupportedInput e) {
            throw new AssertionError(e);
        }
    }
}
