package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens and cells come back as written, across buffer refills; past its budget the spill keeps nothing. */
class RowSpillKeepsRowsWithinItsBudgetTest {
    @TempDir
    Path folder;

    @Test
    void itsFileHasNoNameSoAKilledRunLeavesNothingBehind() throws IOException {
        try (RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE)) {
            spill.token(1);
            assertEquals(0, filesIn(folder));
            assertTrue(spill.finish());
        }
    }

    @Test
    void readsBackEveryTokenAndCellInOrder() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] tokens = new int[50_000];
        byte[][] cells = new byte[tokens.length][];
        try (RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE)) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(4) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(300);
                cells[i] = cell(random, i == 25_000 ? 200_000 : random.nextInt(20)); // one bigger than the buffer
                spill.token(tokens[i]);
                spill.bytes(cells[i], 0, cells[i].length);
            }
            assertTrue(spill.finish());
            try (RowSpillReader rows = spill.reader()) {
                for (int i = 0; i < tokens.length; i++) {
                    assertEquals(tokens[i], rows.token(), "token " + i);
                    ByteArrayOutputStream copied = new ByteArrayOutputStream();
                    CsvOutput out = new CsvOutput(copied);
                    rows.copyBytes(out, (byte) ',');
                    out.flush();
                    byte[] expected = Arrays.copyOf(cells[i], cells[i].length + 1);
                    expected[cells[i].length] = ',';
                    assertArrayEquals(expected, copied.toByteArray(), "cell " + i);
                }
            }
        }
        assertEquals(0, filesIn(folder), "the file has no name");
    }

    @Test
    void cellsThatStraddleAShortReadComeBackWhole() throws IOException {
        // what a spill holds: tokens and cells of every length up to past the two-word fast path, in any order
        SplittableRandom random = new SplittableRandom(11);
        ByteArrayOutputStream spilled = new ByteArrayOutputStream();
        List<byte[]> cells = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] cell = cell(random, random.nextInt(24));
            cells.add(cell);
            spilled.write(cell.length);
            spilled.write(cell);
        }
        byte[] bytes = spilled.toByteArray();
        InputStream trickle = new InputStream() { // gives 1 to 7 bytes a read, so cells cross the end of every read
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + random.nextInt(7)), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        CsvOutput out = new CsvOutput(copied);
        try (RowSpillReader rows = new RowSpillReader(trickle)) {
            for (int i = 0; i < cells.size(); i++) {
                rows.copyBytes(out, (byte) ',');
            }
        }
        out.flush();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] cell : cells) {
            expected.write(cell);
            expected.write(',');
        }
        assertArrayEquals(expected.toByteArray(), copied.toByteArray());
    }

    @Test
    void pastItsBudgetItDropsTheFileAndSaysSo() throws IOException {
        byte[] cell = "a value of some length".getBytes(StandardCharsets.US_ASCII);
        try (RowSpill spill = RowSpill.in(folder, 100_000)) {
            for (int i = 0; i < 10_000; i++) {
                spill.bytes(cell, 0, cell.length);
            }
            assertFalse(spill.finish());
        }
    }

    @Test
    void aFolderThatTakesNoFileGivesASpillThatKeepsNothing() throws IOException {
        try (RowSpill spill = RowSpill.in(folder.resolve("missing"), Long.MAX_VALUE)) {
            spill.token(1);
            assertFalse(spill.finish());
        }
    }

    private static byte[] cell(SplittableRandom random, int length) {
        byte[] cell = new byte[length];
        for (int i = 0; i < length; i++) {
            cell[i] = (byte) random.nextInt(256);
        }
        return cell;
    }

    private static long filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }
}
