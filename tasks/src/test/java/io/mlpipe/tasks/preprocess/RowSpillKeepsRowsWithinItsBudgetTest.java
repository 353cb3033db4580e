package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
