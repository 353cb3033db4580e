package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotes, line endings, BOM, blank lines and trimming, also when records straddle reads or outgrow the buffer. */
class CsvParserReadsRfc4180Test {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("plain LF", "a,b\n1,2\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("CRLF", "a,b\r\n1,2\r\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("no final newline", "a,b\n1,2", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("UTF-8 BOM", "\uFEFFa,b\n1,2\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("quoted comma", "a,b\n\"x, y\",2\n", List.of(List.of("a", "b"), List.of("x, y", "2"))),
                Arguments.of("doubled quote", "a\n\"say \"\"hi\"\"\"\n", List.of(List.of("a"), List.of("say \"hi\""))),
                Arguments.of("newline inside quotes", "a,b\n\"two\nlines\",2\n", List.of(List.of("a", "b"), List.of("two\nlines", "2"))),
                Arguments.of("blank lines skipped", "a,b\n\n1,2\n\r\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("spaces trimmed", " a , b \n 1 ,\t2\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("empty fields", "a,b,c\n,,\n", List.of(List.of("a", "b", "c"), List.of("", "", ""))),
                Arguments.of("quote after spaces", "a\n  \"q\"\n", List.of(List.of("a"), List.of("q"))),
                Arguments.of("non-ASCII text", "città,b\nZürich,2\n", List.of(List.of("città", "b"), List.of("Zürich", "2"))),
                Arguments.of("quote inside an unquoted value", "a,b\nsay \"hi\",2\n", List.of(List.of("a", "b"), List.of("say \"hi\"", "2"))),
                Arguments.of("text after a closing quote", "a,b\n\"ab\"cd,2\n", List.of(List.of("a", "b"), List.of("abcd", "2"))),
                Arguments.of("spaces after a closing quote", "a,b\n\"x\"  ,2\n", List.of(List.of("a", "b"), List.of("x", "2"))),
                Arguments.of("empty quoted value", "a,b\n\"\",2\n", List.of(List.of("a", "b"), List.of("", "2"))),
                Arguments.of("CR alone ends records", "a,b\r1,2\r", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("tab inside a value", "a\nx\ty\n", List.of(List.of("a"), List.of("x\ty"))),
                Arguments.of("values longer than a word", "name,b\nabcdefghijklmnopqrstuvwxyz0123456789,\"quoted, and longer than 16\"\n",
                        List.of(List.of("name", "b"), List.of("abcdefghijklmnopqrstuvwxyz0123456789", "quoted, and longer than 16"))),
                Arguments.of("many short fields", "a,b,c,d,e,f,g,h,i,j\n1,2,3,4,5,6,7,8,9,10\n,,,,,,,,,\n",
                        List.of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
                                List.of("", "", "", "", "", "", "", "", "", ""))),
                Arguments.of("numbers as XGBoost writes them", "x,y,z\n1e5,-0.5,.5\n", List.of(List.of("x", "y", "z"), List.of("1e5", "-0.5", ".5"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsRecords(String name, String csv, List<List<String>> expected) throws Exception {
        assertEquals(expected, read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}, one byte per read")
    @MethodSource("files")
    void readsRecordsDeliveredOneByteAtATime(String name, String csv, List<List<String>> expected) throws Exception {
        List<InputStream> bytes = new ArrayList<>();
        for (byte b : csv.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(new ByteArrayInputStream(new byte[] {b}));
        }
        assertEquals(expected, read(new SequenceInputStream(Collections.enumeration(bytes))));
    }

    @ParameterizedTest(name = "line of record {0}")
    @org.junit.jupiter.params.provider.CsvSource({"1,1", "2,2", "3,3", "4,6"})
    void reportsTheLineWhereEachRecordStarts(int record, long line) throws Exception {
        CsvParser csv = new CsvParser(new ByteArrayInputStream("a,b\n1,2\n\"x\ny\",3\n\n4,5\n".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < record; i++) {
            csv.next();
        }
        assertEquals(line, csv.line());
    }

    @Test
    void readsARecordLongerThanItsReadBuffer() throws Exception {
        String value = "x".repeat(300_000);
        String quoted = "say \"\"hi\"\" ".repeat(30_000);
        String csv = "a,b\n" + value + ",\"" + quoted + "\"\n1,2\n";
        String unescaped = quoted.replace("\"\"", "\"").strip();
        assertEquals(List.of(List.of("a", "b"), List.of(value, unescaped), List.of("1", "2")),
                read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesAControlByteInsideALongValue() {
        byte[] csv = "a,b\nabcdefghij\u0001klmnop,2\n".getBytes(StandardCharsets.UTF_8);
        CsvFormatException error = assertThrows(CsvFormatException.class, () -> read(new ByteArrayInputStream(csv)));
        assertTrue(error.getMessage().startsWith("line 2: binary data (byte 0x01)"), error.getMessage());
    }

    private static List<List<String>> read(InputStream in) throws Exception {
        CsvParser csv = new CsvParser(in);
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.fieldCount(); i++) {
                fields.add(csv.text(i));
            }
            records.add(fields);
        }
        return records;
    }
}
