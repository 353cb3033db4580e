package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Values;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 CSV reader over bytes: one record at a time in a reused buffer, no object per field,
 * so memory stays constant and the hot loop stays cheap. Quoted fields may hold commas, doubled quotes and
 * newlines; CRLF and LF both end a record; blank lines are skipped; a leading UTF-8 BOM is ignored.
 *
 * <p>Refuses what cannot be a text CSV: control bytes (NUL etc., i.e. binary data) and a quote left open at the
 * end of the file. Field values are trimmed of surrounding spaces and tabs.
 */
final class CsvParser {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] record = new byte[4096];
    private int recordLength;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fieldCount;

    private long nextLine = 1;
    private long recordLine;
    private boolean endedWithNewline;
    private boolean started;

    CsvParser(InputStream in) {
        this.in = in;
    }

    /** Reads the next non-blank record; false at the end of the file. */
    boolean next() throws IOException, CsvFormatException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            if (!readRecord()) {
                return false;
            }
            if (fieldCount > 1 || ends[0] > starts[0]) {
                return true;
            }
        }
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The line of the file where the current record starts (1 = first line). */
    long line() {
        return recordLine;
    }

    /** False when the current record is the last one and the file does not end with a newline. */
    boolean endedWithNewline() {
        return endedWithNewline;
    }

    /** The trimmed value as text. */
    String text(int field) {
        return new String(record, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    boolean isMissing(int field) {
        return Values.isMissing(record, starts[field], ends[field]);
    }

    boolean isNumber(int field) {
        return Values.isNumber(record, starts[field], ends[field]);
    }

    /** The value as a number, or NaN when it is not one. */
    double numberOrNaN(int field) {
        return Values.parseOrNaN(record, starts[field], ends[field]);
    }

    /** Counts the value in {@code vocabulary}; false when it is full and the value is new. */
    boolean countInto(int field, ByteVocabulary vocabulary) {
        return vocabulary.count(record, starts[field], ends[field]);
    }

    /** The value's index in {@code vocabulary}, or -1. */
    int indexIn(int field, ByteVocabulary vocabulary) {
        return vocabulary.indexOf(record, starts[field], ends[field]);
    }

    void copyTo(int field, OutputStream out) throws IOException {
        out.write(record, starts[field], ends[field] - starts[field]);
    }

    private boolean readRecord() throws IOException, CsvFormatException {
        recordLength = 0;
        fieldCount = 0;
        recordLine = nextLine;
        if (pos == limit && !fill()) {
            return false;
        }
        int fieldStart = 0;
        boolean inQuotes = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (inQuotes) {
                    throw new CsvFormatException(recordLine, "a quoted value opened on this line is never closed: "
                            + "the file ends inside it, so it looks truncated");
                }
                endField(fieldStart);
                endedWithNewline = false;
                return true;
            }
            // Hot loop: copy the run of ordinary bytes at once; stop at a byte that means something.
            int run = inQuotes ? quotedRunEnd() : plainRunEnd();
            if (run > pos) {
                appendRange(pos, run);
                pos = run;
                if (pos == limit) {
                    continue;
                }
            }
            int b = chunk[pos++] & 0xFF;
            if (inQuotes) {
                if (b == '"') {
                    if (peek() == '"') {
                        pos++;
                        append((byte) '"');
                    } else {
                        inQuotes = false;
                    }
                } else if (b == '\n') {
                    nextLine++;
                    append((byte) b);
                } else if (b == '\r' || b == '\t') {
                    append((byte) b);
                } else {
                    throw binary(b);
                }
            } else if (b == ',') {
                endField(fieldStart);
                fieldStart = recordLength;
            } else if (b == '\n' || b == '\r') {
                if (b == '\r' && peek() == '\n') {
                    pos++;
                }
                nextLine++;
                endField(fieldStart);
                endedWithNewline = true;
                return true;
            } else if (b == '"') {
                if (onlySpacesSince(fieldStart)) {
                    recordLength = fieldStart; // spaces before an opening quote are not part of the value
                    inQuotes = true;
                } else {
                    append((byte) b); // a quote inside an unquoted value is kept as written
                }
            } else if (b == '\t') {
                append((byte) b);
            } else {
                throw binary(b);
            }
        }
    }

    /** End of the run of bytes that are neither control bytes, commas nor quotes. */
    private int plainRunEnd() {
        byte[] c = chunk;
        int i = pos;
        int end = limit;
        while (i < end) {
            byte b = c[i];
            if ((b & 0xFF) < 0x20 || b == ',' || b == '"') {
                break;
            }
            i++;
        }
        return i;
    }

    /** End of the run of bytes inside quotes that are neither control bytes nor quotes. */
    private int quotedRunEnd() {
        byte[] c = chunk;
        int i = pos;
        int end = limit;
        while (i < end && (c[i] & 0xFF) >= 0x20 && c[i] != '"') {
            i++;
        }
        return i;
    }

    private void appendRange(int from, int to) {
        int length = to - from;
        if (recordLength + length > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + length));
        }
        System.arraycopy(chunk, from, record, recordLength, length);
        recordLength += length;
    }

    private CsvFormatException binary(int b) {
        return new CsvFormatException(nextLine, String.format("binary data (byte 0x%02x): this is not a text CSV file"
                + " (a spreadsheet, archive or compressed file?); export it as CSV (UTF-8)", b));
    }

    private boolean onlySpacesSince(int fieldStart) {
        for (int i = fieldStart; i < recordLength; i++) {
            if (record[i] != ' ' && record[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void endField(int fieldStart) {
        int s = fieldStart;
        int e = recordLength;
        while (s < e && (record[s] == ' ' || record[s] == '\t')) {
            s++;
        }
        while (e > s && (record[e - 1] == ' ' || record[e - 1] == '\t')) {
            e--;
        }
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        starts[fieldCount] = s;
        ends[fieldCount] = e;
        fieldCount++;
    }

    private void append(byte b) {
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[recordLength++] = b;
    }

    private void skipByteOrderMark() throws IOException {
        byte[] head = in.readNBytes(3);
        System.arraycopy(head, 0, chunk, 0, head.length);
        pos = 0;
        limit = head.length;
        eof = head.length < 3;
        if (head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return chunk[pos] & 0xFF;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(chunk, 0, CHUNK);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        eof = n < 0;
        return n > 0;
    }
}
