package io.mlpipe.tasks.preprocess;

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

/** Quotes, line endings, BOM, blank lines and trimming, also when records straddle read chunks. */
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
                Arguments.of("non-ASCII text", "città,b\nZürich,2\n", List.of(List.of("città", "b"), List.of("Zürich", "2"))));
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
