package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link CsvOutput#writeWord} and {@link CsvOutput#writeShort} store 8 and 16 bytes and keep only the count: what
 * reaches the stream is exactly the counted bytes, wherever the store falls in the 64 KiB buffer, mixed with the
 * plain writes in any order.
 */
class CsvOutputWritesWordsAtBufferEndsTest {
    private static final int BUFFER = 1 << 16;

    @Test
    void wordsAndShortValuesOfEveryLengthAtEveryOffsetNearTheEnd() throws IOException {
        byte[] source = new byte[64];
        new SplittableRandom(1).nextBytes(source);
        for (int before = BUFFER - 40; before <= BUFFER; before++) {
            for (int count = 0; count <= CsvOutput.SHORT; count++) {
                byte[] head = Arrays.copyOf(source, before % source.length);
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                CsvOutput out = new CsvOutput(written);
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                for (int at = 0; at < before; at += head.length + 1) { // fills the buffer to exactly `before`
                    int n = Math.min(head.length, before - at);
                    out.write(head, 0, n);
                    expected.write(head, 0, n);
                    if (at + n < before) {
                        out.write((byte) '|');
                        expected.write('|');
                    }
                }
                if (count < Long.BYTES) {
                    byte[] value = Arrays.copyOfRange(source, 7, 7 + count);
                    out.writeWord(CsvOutput.word(value));
                    expected.write(value);
                }
                out.writeShort(source, 3, count);
                expected.write(source, 3, count);
                out.write((byte) '\n');
                expected.write('\n');
                out.flush();
                assertArrayEquals(expected.toByteArray(), written.toByteArray(), before + " bytes, then " + count);
            }
        }
    }

    @Test
    void randomMixesOfWritesReachTheStreamAsWritten() throws IOException {
        byte[] source = new byte[200_000];
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            random.nextBytes(source);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            CsvOutput out = new CsvOutput(written);
            for (int i = random.nextInt(1, 30_000); i > 0; i--) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        byte b = (byte) random.nextInt(256);
                        out.write(b);
                        expected.write(b);
                    }
                    case 1 -> {
                        byte[] value = new byte[random.nextInt(Long.BYTES)];
                        random.nextBytes(value);
                        out.writeWord(CsvOutput.word(value));
                        expected.write(value);
                    }
                    case 2 -> {
                        int count = random.nextInt(CsvOutput.SHORT + 1);
                        int offset = random.nextInt(source.length - CsvOutput.SHORT + 1);
                        out.writeShort(source, offset, count);
                        expected.write(source, offset, count);
                    }
                    default -> { // now and then bigger than the buffer
                        int count = random.nextInt(200) == 0 ? random.nextInt(source.length) : random.nextInt(3000);
                        int offset = random.nextInt(source.length - count + 1);
                        out.write(source, offset, count);
                        expected.write(source, offset, count);
                    }
                }
            }
            out.flush();
            assertArrayEquals(expected.toByteArray(), written.toByteArray(), "seed " + seed);
        }
    }

    @Test
    void aWordHoldsUpToSevenBytesAndItsCount() {
        for (int n = 0; n < Long.BYTES; n++) {
            byte[] value = new byte[n];
            Arrays.fill(value, (byte) 0xFF);
            long word = CsvOutput.word(value);
            assertEquals(n, word >>> 56);
            assertEquals(n == 0 ? 0 : -1L >>> (64 - 8 * n), word & 0x00FFFFFFFFFFFFFFL);
        }
        assertThrows(IllegalArgumentException.class, () -> CsvOutput.word(new byte[Long.BYTES]));
    }
}
