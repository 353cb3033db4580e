package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aRowWithALongCellBeforeItsTokensFitsAtEveryOffsetOfTheBuffer() throws IOException, CsvFormatException {
        // row() makes room for every cell of the row as a short one; a cell longer than that room, then tokens: at
        // each offset from where the long cell needs a drain to where it just fits, the tokens still need room
        String longCell = "9".repeat(300);
        CsvParser csv = new CsvParser(new ByteArrayInputStream((longCell + ",a,b,c,d,e,f\n").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(csv.next());
        int[] fields = {0, 1, 2, 3, 4, 5, 6};
        int[] tokens = {RowSpill.BYTES, 1, 2, 3, 4, 5, 6};
        for (int free = 250; free <= 330; free++) {
            try (RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE)) {
                byte[] filler = new byte[RowSpill.BUFFER - free - 3]; // its length's varint takes 3 bytes
                spill.bytes(filler, 0, filler.length);
                spill.row(tokens, csv, fields, false);
                assertTrue(spill.finish());
                try (RowSpillReader rows = spill.reader()) {
                    rows.copyBytes(new CsvOutput(OutputStream.nullOutputStream()), (byte) ',');
                    ByteArrayOutputStream copied = new ByteArrayOutputStream();
                    CsvOutput out = new CsvOutput(copied);
                    rows.copyBytes(out, (byte) ',');
                    out.flush();
                    assertEquals(longCell + ",", copied.toString(StandardCharsets.US_ASCII), "with " + free + " bytes free");
                    for (int k = 1; k < tokens.length; k++) {
                        assertEquals(tokens[k], rows.token(), "token " + k + " with " + free + " bytes free");
                    }
                }
            }
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
        InputStream trickle = trickle(bytes, random, 7); // cells cross the end of every read
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

    @Test
    void randomRowsComeBackByteForByteWhateverTheBudgetAndTheReads() throws IOException {
        // tokens up to 2^31 - 1, cells of 0 to 2 MiB (mostly numbers), budgets around the spill's size, reads of any length
        byte[] source = cell(new SplittableRandom(1), (2 << 20) + 64);
        for (int seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<int[]> ops = new ArrayList<>(); // {token} or {start, count}
            ByteArrayOutputStream encoded = new ByteArrayOutputStream(); // the reference: LEB128 varints, cells after their length
            ByteArrayOutputStream copied = new ByteArrayOutputStream(); // what copyBytes should write
            for (int i = random.nextInt(1, 40_000); i > 0; i--) {
                if (random.nextBoolean()) {
                    int token = random.nextInt(50) == 0 ? Integer.MAX_VALUE
                            : random.nextInt(10) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(ColumnProfile.VOCABULARY);
                    ops.add(new int[] {token});
                    varint(encoded, token);
                } else {
                    int count = cellLength(random);
                    int start = random.nextInt(source.length - count + 1);
                    ops.add(new int[] {start, count});
                    varint(encoded, count);
                    encoded.write(source, start, count);
                    copied.write(source, start, count);
                    copied.write(',');
                }
            }
            byte[] reference = encoded.toByteArray();
            long budget = switch (seed % 5) {
                case 0 -> Long.MAX_VALUE;
                case 1 -> reference.length; // just enough
                case 2 -> reference.length - 1; // one byte short, whichever cell crosses it
                case 3 -> random.nextLong(reference.length);
                default -> -1 - random.nextInt(3); // less free space than the margin
            };
            try (RowSpill spill = RowSpill.in(folder, budget)) {
                for (int[] op : ops) {
                    if (op.length == 1) {
                        spill.token(op[0]);
                    } else {
                        spill.bytes(source, op[0], op[0] + op[1]);
                    }
                }
                boolean kept = spill.finish();
                assertEquals(reference.length <= budget, kept, "seed " + seed + ": " + reference.length + " bytes, budget " + budget);
                if (kept) {
                    assertArrayEquals(copied.toByteArray(), readBack(ops, spill.reader(), "seed " + seed));
                } else {
                    assertThrows(IllegalStateException.class, spill::reader, "seed " + seed);
                }
            }
            // the same bytes read through a stream that gives 1 to 1, 41 or 81 bytes a read
            RowSpillReader trickled = new RowSpillReader(trickle(reference, random, 1 + 40 * random.nextInt(3)));
            assertArrayEquals(copied.toByteArray(), readBack(ops, trickled, "seed " + seed + ", short reads"));
        }
    }

    @Test
    void shortFieldsComeBackWhereverTheyFallInTheSpillsAndTheCsvsBuffer() throws IOException, CsvFormatException {
        // row() copies a field shorter than 16 bytes as two words, reading past its end in the CSV's buffer and
        // writing past it in the spill's: try every spill length from 40 bytes short of a full buffer, with the
        // record ending up to 20 bytes short of the end of the CSV's buffer (64 KiB, its last byte kept free)
        int spillBuffer = RowSpill.BUFFER;
        int csvBuffer = 1 << 16;
        int[] tokens = new int[18];
        int[] fields = new int[18];
        Arrays.fill(tokens, RowSpill.BYTES);
        for (int k = 0; k < fields.length; k++) {
            fields[k] = k;
        }
        byte[] filler = cell(new SplittableRandom(2), spillBuffer);
        for (int spilled = spillBuffer - 40; spilled <= spillBuffer - 2; spilled++) {
            int shortOfTheEnd = (spilled - spillBuffer + 40) % 21;
            StringBuilder record = new StringBuilder();
            for (int k = 0; k < fields.length; k++) {
                record.append(k == 0 ? "" : ",").append("0123456789abcdefghij", 0, (k + spilled) % fields.length);
            }
            String padding = "p".repeat(csvBuffer - 1 - shortOfTheEnd - record.length() - 2);
            byte[] csv = (padding + "\n" + record + "\n").getBytes(StandardCharsets.US_ASCII); // read at once, not moved
            CsvParser parser = new CsvParser(new ByteArrayInputStream(csv));
            assertTrue(parser.next());
            assertTrue(parser.next());
            try (RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE)) {
                spill.bytes(filler, 0, spilled - 3); // its length takes 3 bytes: the spill's buffer holds spilled bytes
                spill.row(tokens, parser, fields, false);
                spill.row(tokens, parser, fields, false);
                spill.token(ColumnProfile.VOCABULARY - 1);
                assertTrue(spill.finish());
                ByteArrayOutputStream copied = new ByteArrayOutputStream();
                CsvOutput out = new CsvOutput(copied);
                try (RowSpillReader rows = spill.reader()) {
                    rows.copyBytes(out, (byte) '\n');
                    for (int k = 0; k < 2 * fields.length; k++) {
                        rows.copyBytes(out, (byte) (k % fields.length == fields.length - 1 ? '\n' : ','));
                    }
                    assertEquals(ColumnProfile.VOCABULARY - 1, rows.token());
                }
                out.flush();
                String expected = new String(filler, 0, spilled - 3, StandardCharsets.ISO_8859_1) + "\n" + record + "\n" + record + "\n";
                assertEquals(expected, new String(copied.toByteArray(), StandardCharsets.ISO_8859_1), "spill at " + spilled);
            }
        }
    }

    @Test
    void longestTokensAndCellsAroundTheBuffersSizeComeBackAtTheBuffersEnd() throws IOException {
        // a token of 5 bytes where the buffer has 5 bytes left or fewer, and cells of about the buffer's size (whose
        // length takes 3 bytes) after a buffer nearly full or nearly empty
        int buffer = RowSpill.BUFFER;
        byte[] filler = cell(new SplittableRandom(5), buffer + 8);
        for (int spilled = buffer - 10; spilled <= buffer - 2; spilled++) {
            int cell = buffer - 8 + (spilled - buffer + 10);
            List<int[]> ops = List.of(new int[] {0, spilled - 3}, new int[] {Integer.MAX_VALUE}, new int[] {1 << 28},
                    new int[] {0, cell}, new int[] {ColumnProfile.VOCABULARY - 1}, new int[] {0, cell + 1}, new int[] {0, 7});
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            try (RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE)) {
                for (int[] op : ops) {
                    if (op.length == 1) {
                        spill.token(op[0]);
                    } else {
                        spill.bytes(filler, op[0], op[0] + op[1]);
                        copied.write(filler, op[0], op[1]);
                        copied.write(',');
                    }
                }
                assertTrue(spill.finish());
                assertArrayEquals(copied.toByteArray(), readBack(ops, spill.reader(), "spill at " + spilled));
            }
        }
    }

    @Test
    void aWriteThatFailsDropsTheSpillAndItClosesAgainQuietly() throws IOException {
        byte[] cell = cell(new SplittableRandom(3), 100);
        RowSpill spill = RowSpill.in(folder, Long.MAX_VALUE);
        spill.close(); // its channel is closed: the next drain's write throws ClosedChannelException
        for (int i = 0; i < 20_000; i++) { // 2 MB: past a buffer
            spill.bytes(cell, 0, cell.length);
        }
        assertFalse(spill.finish());
        assertFalse(spill.finish(), "asked again");
        assertThrows(IllegalStateException.class, spill::reader);
        spill.close();
        spill.close();
    }

    @Test
    void aBudgetCrossedInsideACellBiggerThanTheBufferDropsTheSpill() throws IOException {
        byte[] cell = cell(new SplittableRandom(4), 3 << 20);
        try (RowSpill spill = RowSpill.in(folder, 2 << 20)) {
            spill.token(5);
            spill.bytes(cell, 0, cell.length);
            assertFalse(spill.finish());
        }
        try (RowSpill spill = RowSpill.in(folder, 1 + 4 + cell.length)) { // the token, the cell's length, the cell
            spill.token(5);
            spill.bytes(cell, 0, cell.length);
            assertTrue(spill.finish());
            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            CsvOutput out = new CsvOutput(copied);
            try (RowSpillReader rows = spill.reader()) {
                assertEquals(5, rows.token());
                rows.copyBytes(out, (byte) '\n');
            }
            out.flush();
            byte[] expected = Arrays.copyOf(cell, cell.length + 1);
            expected[cell.length] = '\n';
            assertArrayEquals(expected, copied.toByteArray());
        }
    }

    @Test
    void aNegativeBudgetKeepsNothingEvenWhenNothingWasWritten() throws IOException {
        try (RowSpill spill = RowSpill.in(folder, -1)) {
            assertFalse(spill.finish());
        }
        try (RowSpill spill = RowSpill.in(folder, 0)) {
            assertTrue(spill.finish(), "an empty spill fits a budget of 0");
        }
    }

    /** Mostly numbers' lengths, now and then text, rarely past the 1 MiB buffer (up to 2 MiB). */
    private static int cellLength(SplittableRandom random) {
        int p = random.nextInt(10_000);
        return p < 9_000 ? random.nextInt(21) : p < 9_900 ? random.nextInt(200) : p < 9_995 ? random.nextInt(70_000)
                : (1 << 20) - 40 + random.nextInt(80) + (random.nextBoolean() ? 0 : random.nextInt(1 << 20));
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** Reads {@code ops} back (a token, or a cell copied with a comma) and returns what the cells wrote. */
    private static byte[] readBack(List<int[]> ops, RowSpillReader reader, String what) throws IOException {
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        CsvOutput out = new CsvOutput(copied);
        try (RowSpillReader rows = reader) {
            for (int i = 0; i < ops.size(); i++) {
                int[] op = ops.get(i);
                if (op.length == 1) {
                    assertEquals(op[0], rows.token(), what + ", token " + i);
                } else {
                    rows.copyBytes(out, (byte) ',');
                }
            }
        }
        out.flush();
        return copied.toByteArray();
    }

    /** {@code bytes} in reads of 1 to {@code most} bytes. */
    private static InputStream trickle(byte[] bytes, SplittableRandom random, int most) {
        return new ShortReads(bytes, () -> 1 + random.nextInt(most));
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
