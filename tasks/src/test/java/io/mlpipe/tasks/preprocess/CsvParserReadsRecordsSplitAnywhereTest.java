package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The reader's two ways to a record (the index over the bytes read for plain records, byte by byte for the rest and
 * for records cut by the end of a read) give the same records, lines and errors wherever the reads end.
 */
class CsvParserReadsRecordsSplitAnywhereTest {
    @Test
    void readsPlainRecordsDeliveredOneByteAtATime() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append(i).append(",x").append(i % 7).append(",\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<String> oneByte = records(new ShortReads(bytes, () -> 1));
        assertEquals(records(new ByteArrayInputStream(bytes)), oneByte);
        assertEquals(2_001, oneByte.size());
        assertEquals("line 2001, newline: [1999, x4, ]", oneByte.get(2_000));
    }

    @Test
    void readsAQuotedRecordAfterPlainOnes() throws Exception {
        String csv = "a,b\n1,2\n3,4\n\"x,\"\"y\"\"\nz\",5\n6,7\n 8 ,\t9\t\n";
        List<String> expected = List.of("line 1, newline: [a, b]", "line 2, newline: [1, 2]", "line 3, newline: [3, 4]",
                "line 4, newline: [x,\"y\"\nz, 5]", "line 6, newline: [6, 7]", "line 7, newline: [8, 9]");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, records(new ByteArrayInputStream(bytes)));
        assertEquals(expected, records(new ShortReads(bytes, () -> 1)));
        assertEquals(expected, records(new ShortReads(bytes, () -> 5)));
    }

    @Test
    void readsQuotedValuesWhereverAReadEnds() throws Exception {
        byte[] bytes = ("\"h1\",\"h2\"\n\"a\"\"b\",1\n\"a\"b,2\n\"a\" ,3\n \"a\",4\n\"a,b\",5\n\"a\nb\",6\n\"\"\n\"\",\"\"\n"
                + "x\"y\",7\n\"a b\", \"c\" \r\n\"z\"").getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("line 1, newline: [h1, h2]", "line 2, newline: [a\"b, 1]", "line 3, newline: [ab, 2]",
                "line 4, newline: [a, 3]", "line 5, newline: [a, 4]", "line 6, newline: [a,b, 5]", "line 7, newline: [a\nb, 6]",
                "line 10, newline: [, ]", "line 11, newline: [x\"y\", 7]", "line 12, newline: [a b, c]", "line 13, no newline: [z]");
        for (int size = 1; size <= bytes.length; size++) {
            int each = size;
            assertEquals(expected, records(new ShortReads(bytes, () -> each)), "reads of " + size);
        }
    }

    @Test
    void readsAFileOfQuotedTextValuesInTinyReadsAsInBigOnes() throws Exception {
        StringBuilder csv = new StringBuilder("\"id\",\"plan\",\"note\"\n");
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            String note = random.nextInt(20) == 0 ? "\"say \"\"hi\"\"\"" : random.nextInt(20) == 0 ? "\"\"" : "\"n " + i + "\"";
            csv.append(i).append(",\"").append(random.nextBoolean() ? "month-to-month" : "one year").append("\",").append(note)
                    .append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<String> big = records(new ByteArrayInputStream(bytes));
        Random sizes = new Random(10);
        assertEquals(big, records(new ShortReads(bytes, () -> 1 + sizes.nextInt(9))));
        assertEquals(20_001, big.size());
        assertEquals("line 2, newline: [0, month-to-month, n 0]", big.get(1));
    }

    @Test
    void passesOverTheOrdinaryBytesBelowTheComma() throws Exception {
        String csv = "a,b,c\nx(1)+y,\t'z'\t,#$%&*!\n";
        assertEquals(List.of("line 1, newline: [a, b, c]", "line 2, newline: [x(1)+y, 'z', #$%&*!]"),
                records(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void trimsTabsInAFileWithoutSpacesWhereverAReadEnds() throws Exception {
        byte[] bytes = "a,\tb\t\n\tx\t,y\n1\t,\t2\n3,4\t".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("line 1, newline: [a, b]", "line 2, newline: [x, y]", "line 3, newline: [1, 2]",
                "line 4, no newline: [3, 4]");
        for (int size = 1; size <= bytes.length; size++) {
            int each = size;
            assertEquals(expected, records(new ShortReads(bytes, () -> each)), "reads of " + size);
        }
    }

    @Test
    void endsRecordsAtACrOrCrLfWhereverAReadEnds() throws Exception {
        byte[] bytes = "a,b\r\n1,2\r\n3,4\r5,6\r\n7,8\r".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("line 1, newline: [a, b]", "line 2, newline: [1, 2]", "line 3, newline: [3, 4]",
                "line 4, newline: [5, 6]", "line 5, newline: [7, 8]");
        for (int first = 1; first <= bytes.length; first++) {
            assertEquals(expected, records(new ShortReads(bytes, firstReadThenAll(first))), "first read of " + first);
        }
    }

    @Test
    void countsACrLfSplitByTheEndOfANearlyFullBufferAsOneNewline() throws Exception {
        String csv = "a,b\n" + "x,y\n".repeat(16_000) + "1,2\r\n3,4\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<String> records = records(new ShortReads(bytes, firstReadThenAll(csv.indexOf('\r') + 1)));
        assertEquals(16_003, records.size());
        assertEquals(List.of("line 16002, newline: [1, 2]", "line 16003, newline: [3, 4]"), records.subList(16_001, 16_003));
    }

    @Test
    void refusesAControlByteAfterPlainRecordsOnItsLine() {
        byte[] csv = ("a,b\n" + "1,2\n".repeat(1_000) + "3,\u0000\n").getBytes(StandardCharsets.UTF_8);
        CsvFormatException error = assertThrows(CsvFormatException.class, () -> records(new ByteArrayInputStream(csv)));
        assertEquals("line 1002: binary data (byte 0x00): this is not a text CSV file (a spreadsheet, archive or compressed"
                + " file?); export it as CSV (UTF-8)", error.getMessage());
    }

    @Test
    void readsAHundredThousandRowsInTinyReadsAsInBigOnes() throws Exception {
        byte[] bytes = rows(100_000, new Random(7));
        Random sizes = new Random(8);
        List<String> big = records(new ByteArrayInputStream(bytes));
        List<String> tiny = records(new ShortReads(bytes, () -> 1 + sizes.nextInt(7)));
        assertEquals(big.size(), tiny.size());
        for (int i = 0; i < big.size(); i++) {
            assertEquals(big.get(i), tiny.get(i), "record " + i);
        }
    }

    @Test
    void givesEachFieldAsARangeOfItsBuffer() throws Exception {
        CsvParser csv = new CsvParser(new ByteArrayInputStream("a, b \n\"q\"\"\",2\n".getBytes(StandardCharsets.UTF_8)));
        List<String> values = new ArrayList<>();
        while (csv.next()) {
            for (int f = 0; f < csv.fieldCount(); f++) {
                values.add(new String(csv.buffer(), csv.start(f), csv.end(f) - csv.start(f), StandardCharsets.UTF_8));
                assertEquals(csv.text(f), values.get(values.size() - 1));
            }
        }
        assertEquals(List.of("a", "b", "q\"", "2"), values);
    }

    /** Mostly plain rows, some with quotes, spaces, CRLF, blank lines and long values; no final newline. */
    private static byte[] rows(int count, Random random) {
        StringBuilder csv = new StringBuilder("id,value,label\n");
        for (int i = 0; i < count; i++) {
            int shape = random.nextInt(50);
            String value = shape == 0 ? "\"quoted, \"\"with\"\" a\nnewline\""
                    : shape == 1 ? "  spaced\t"
                    : shape == 2 ? "v".repeat(random.nextInt(200))
                    : Double.toString(random.nextInt(10_000) / 100.0);
            csv.append(i).append(',').append(value).append(',').append(random.nextBoolean() ? "yes" : "no");
            csv.append(shape == 3 ? "\r\n" : shape == 4 ? "\n\n" : shape == 5 ? "\r" : "\n");
        }
        csv.setLength(csv.length() - 1);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every record as its line, whether a newline ended it, and its values. */
    private static List<String> records(InputStream in) throws Exception {
        CsvParser csv = new CsvParser(in);
        List<String> records = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                fields.add(csv.text(i));
            }
            records.add("line " + csv.line() + (csv.endedWithNewline() ? ", newline: " : ", no newline: ") + fields);
        }
        return records;
    }

    /** Read sizes: {@code first} bytes, then all that is asked for. */
    private static IntSupplier firstReadThenAll(int first) {
        int[] reads = {0};
        return () -> reads[0]++ == 0 ? first : Integer.MAX_VALUE;
    }
}
