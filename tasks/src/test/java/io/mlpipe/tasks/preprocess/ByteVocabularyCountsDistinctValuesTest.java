package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts, lookups by byte range, and the capacity bound. */
class ByteVocabularyCountsDistinctValuesTest {

    @Test
    void countsEachValueAndFindsItInsideALargerBuffer() {
        ByteVocabulary vocabulary = new ByteVocabulary(10);
        for (String value : new String[] {"red", "blue", "red", "", "Zürich", "red"}) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            assertTrue(vocabulary.count(b, 0, b.length) >= 0);
        }
        assertEquals(4, vocabulary.size());
        assertEquals("red", vocabulary.value(0));
        assertEquals(3, vocabulary.count(0));
        assertEquals("Zürich", vocabulary.value(3));
        byte[] line = "x,blue,y".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, vocabulary.indexOf(line, 2, 6));
        assertEquals(-1, vocabulary.indexOf(line, 0, 1));
    }

    @Test
    void shortAndLongValuesLiveSideBySide() {
        ByteVocabulary vocabulary = new ByteVocabulary(100);
        String[] values = {"12345678", "123456789", "1234567", "north-east coastal", "north-east", "", "1234567 "};
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                byte[] b = value.getBytes(StandardCharsets.UTF_8);
                assertTrue(vocabulary.count(b, 0, b.length) >= 0);
            }
        }
        assertEquals(values.length, vocabulary.size());
        for (int i = 0; i < values.length; i++) {
            byte[] b = values[i].getBytes(StandardCharsets.UTF_8);
            assertEquals(i, vocabulary.indexOf(b, 0, b.length), values[i]);
            assertEquals(values[i], vocabulary.value(i));
            assertEquals(3, vocabulary.count(i));
        }
    }

    @Test
    void refusesNewValuesBeyondItsCapacityButKeepsCountingKnownOnes() {
        ByteVocabulary vocabulary = new ByteVocabulary(1000);
        for (int i = 0; i < 1000; i++) {
            byte[] b = ("v" + i).getBytes(StandardCharsets.US_ASCII);
            assertTrue(vocabulary.count(b, 0, b.length) >= 0);
        }
        byte[] extra = "v1000".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, vocabulary.count(extra, 0, extra.length));
        byte[] known = "v999".getBytes(StandardCharsets.US_ASCII);
        assertEquals(999, vocabulary.count(known, 0, known.length));
        assertEquals(2, vocabulary.count(999));
    }

    @Test
    void findsAValueOfAnyLengthWhereverItSitsInTheBuffer() {
        ByteVocabulary vocabulary = new ByteVocabulary(100);
        String alphabet = "abcdefghijklmnopqrstuvwxyzäöü";
        for (int length = 1; length <= 24; length++) {
            vocabulary.add(alphabet.substring(0, length)); // each from its own array: the value starts at 0
        }
        for (int length = 1; length <= 24; length++) {
            String value = alphabet.substring(0, length);
            for (String prefix : new String[] {"", "x,", "0123456789abcdef,"}) {
                byte[] line = (prefix + value + ",tail").getBytes(StandardCharsets.UTF_8);
                int start = prefix.length();
                int end = start + value.getBytes(StandardCharsets.UTF_8).length;
                assertEquals(length - 1, vocabulary.indexOf(line, start, end), "'" + value + "' after '" + prefix + "'");
                assertEquals(-1, vocabulary.indexOf(line, start, end + 1), "'" + value + ",' after '" + prefix + "'");
            }
        }
    }
}
