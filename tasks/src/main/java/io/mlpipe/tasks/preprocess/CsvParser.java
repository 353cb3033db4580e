package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Values;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 CSV reader over bytes: one record at a time, no object per field, so memory stays constant
 * and the hot loop stays cheap. Fields are ranges of the read buffer itself (no copy): a record is only moved when
 * it straddles a refill, and a quoted value is unescaped in place (it only gets shorter). Quoted fields may hold
 * commas, doubled quotes and newlines; CRLF and LF both end a record; blank lines are skipped; a leading UTF-8 BOM
 * is ignored.
 *
 * <p>Refuses what cannot be a text CSV: control bytes (NUL etc., i.e. binary data) and a quote left open at the
 * end of the file. Field values are trimmed of surrounding spaces and tabs.
 */
final class CsvParser {
    private static final int BUFFER = 1 << 16;
    /** Bytes that end the fast scan of an unquoted value: comma, quote, and control bytes but tab. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            SPECIAL[b] = b != '\t';
        }
        SPECIAL[','] = true;
        SPECIAL['"'] = true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW_BITS = ONES * 0x7F;
    private static final long COMMAS = ONES * ',';
    private static final long QUOTES = ONES * '"';
    private static final long TABS = ONES * '\t';
    /** A byte is below 0x20 (a control byte) when these bits of it are zero. */
    private static final long CONTROL_BITS = ONES * 0xE0;

    private final InputStream in;
    /** Read bytes; the current record lives in [recordStart, limit) and its fields point into it. */
    private byte[] buffer = new byte[BUFFER];
    private int recordStart;
    private int pos;
    private int limit;
    private boolean eof;

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
        return new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    boolean isMissing(int field) {
        return Values.isMissing(buffer, starts[field], ends[field]);
    }

    boolean isNumber(int field) {
        return Values.isNumber(buffer, starts[field], ends[field]);
    }

    /** The value as a number, or NaN when it is not one. */
    double numberOrNaN(int field) {
        return Values.parseOrNaN(buffer, starts[field], ends[field]);
    }

    /** Counts the value in {@code vocabulary}; false when it is full and the value is new. */
    boolean countInto(int field, ByteVocabulary vocabulary) {
        return vocabulary.count(buffer, starts[field], ends[field]);
    }

    /** The value's index in {@code vocabulary}, or -1. */
    int indexIn(int field, ByteVocabulary vocabulary) {
        return vocabulary.indexOf(buffer, starts[field], ends[field]);
    }

    void copyTo(int field, CsvOutput out) throws IOException {
        out.write(buffer, starts[field], ends[field] - starts[field]);
    }

    /** Where the trimmed value starts in {@link #buffer()}; valid until the next call to {@link #next()}. */
    int start(int field) {
        return starts[field];
    }

    /** Where the trimmed value ends (exclusive) in {@link #buffer()}; valid until the next call to {@link #next()}. */
    int end(int field) {
        return ends[field];
    }

    /**
     * The bytes the fields are ranges of (see {@link #start}, {@link #end}): valid, like the ranges, until the next
     * call to {@link #next()}, which may overwrite, move or replace them.
     */
    byte[] buffer() {
        return buffer;
    }

    private boolean readRecord() throws IOException, CsvFormatException {
        fieldCount = 0;
        recordLine = nextLine;
        recordStart = pos;
        if (pos == limit) {
            more();
            if (pos == limit) {
                return false;
            }
        }
        int fieldStart = pos;
        // -1 while the field's value is its bytes as read; once it has a quote, where its unquoted value is written
        int write = -1;
        boolean inQuotes = false;
        while (true) {
            if (pos == limit) {
                int shift = more();
                fieldStart -= shift;
                write -= write < 0 ? 0 : shift;
                if (pos == limit) {
                    if (inQuotes) {
                        throw new CsvFormatException(recordLine, "a quoted value opened on this line is never closed: "
                                + "the file ends inside it, so it looks truncated");
                    }
                    endField(fieldStart, write < 0 ? pos : write);
                    endedWithNewline = false;
                    return true;
                }
            }
            if (write < 0) {
                // Hot loop: skip the run of ordinary bytes; stop at a byte that means something.
                int i = nextSpecial(pos);
                pos = i;
                if (i == limit) {
                    continue;
                }
                int c = buffer[pos++];
                if (c == ',') {
                    endField(fieldStart, i);
                    fieldStart = pos;
                } else if (c == '\n' || c == '\r') {
                    endRecord(fieldStart, i, c);
                    return true;
                } else if (c == '"') {
                    if (onlySpaces(fieldStart, i)) {
                        write = fieldStart; // spaces before an opening quote are not part of the value
                        inQuotes = true;
                    } // else a quote inside an unquoted value is kept as written
                } else {
                    throw binary(c);
                }
                continue;
            }
            // The field had a quote: byte by byte, writing the unquoted value at write (never ahead of pos).
            int c = buffer[pos++];
            if (inQuotes) {
                if (c == '"') {
                    if (pos == limit) {
                        int shift = more();
                        fieldStart -= shift;
                        write -= shift;
                    }
                    if (pos < limit && buffer[pos] == '"') {
                        pos++;
                        buffer[write++] = '"';
                    } else {
                        inQuotes = false;
                    }
                } else if (c == '\n') {
                    nextLine++;
                    buffer[write++] = (byte) c;
                } else if ((c & 0xFF) >= 0x20 || c == '\r' || c == '\t') {
                    buffer[write++] = (byte) c;
                } else {
                    throw binary(c);
                }
            } else if (c == ',') {
                endField(fieldStart, write);
                fieldStart = pos;
                write = -1;
            } else if (c == '\n' || c == '\r') {
                endRecord(fieldStart, write, c);
                return true;
            } else if (c == '"' && onlySpaces(fieldStart, write)) {
                write = fieldStart;
                inQuotes = true;
            } else if (!SPECIAL[c & 0xFF] || c == '"') {
                buffer[write++] = (byte) c;
            } else {
                throw binary(c);
            }
        }
    }

    /**
     * The index of the first byte at or after {@code from} that ends the fast scan (see {@link #SPECIAL}), or
     * {@code limit}. Eight bytes at a time (SWAR: byte-wise compares in a long's arithmetic), each look starting at
     * {@code from} itself: most values are shorter than 8 bytes, so one look finds their end and the loop's exit
     * is predictable column by column.
     */
    private int nextSpecial(int from) {
        int base = from;
        while (base <= limit - 8) {
            long m = specials((long) LONGS.get(buffer, base));
            if (m != 0) {
                return base + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            base += 8;
        }
        int i = base;
        while (i < limit && !SPECIAL[buffer[i] & 0xFF]) {
            i++;
        }
        return i;
    }

    /** The high bit of each byte of {@code word} that is a comma, a quote or a control byte but tab. Exact. */
    private static long specials(long word) {
        long control = zeroBytes(word & CONTROL_BITS) & ~zeroBytes(word ^ TABS);
        return zeroBytes(word ^ COMMAS) | zeroBytes(word ^ QUOTES) | control;
    }

    /** The high bit of exactly the zero bytes of {@code word} (no carry crosses bytes). */
    private static long zeroBytes(long word) {
        return ~(((word & LOW_BITS) + LOW_BITS) | word | LOW_BITS);
    }

    private void endRecord(int fieldStart, int fieldEnd, int newline) throws IOException {
        endField(fieldStart, fieldEnd);
        if (newline == '\r') {
            if (pos == limit) {
                more(); // the record's fields move with the bytes
            }
            if (pos < limit && buffer[pos] == '\n') {
                pos++;
            }
        }
        nextLine++;
        endedWithNewline = true;
    }

    private CsvFormatException binary(int b) {
        return new CsvFormatException(nextLine, String.format("binary data (byte 0x%02x): this is not a text CSV file"
                + " (a spreadsheet, archive or compressed file?); export it as CSV (UTF-8)", b & 0xFF));
    }

    private boolean onlySpaces(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void endField(int start, int end) {
        int s = start;
        int e = end;
        byte[] b = buffer;
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
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

    /**
     * Reads more bytes after {@code limit} (at {@code pos == limit}), first moving the current record to the front
     * of the buffer (growing it when the record fills it). Returns how far the record moved, which callers subtract
     * from their positions; {@code pos == limit} afterwards means the end of the file.
     */
    private int more() throws IOException {
        if (eof) {
            return 0;
        }
        int shift = recordStart;
        if (shift > 0) {
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            for (int f = 0; f < fieldCount; f++) {
                starts[f] -= shift;
                ends[f] -= shift;
            }
            recordStart = 0;
            pos -= shift;
            limit -= shift;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3 && !eof) {
            more();
        }
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            pos = 3;
        }
    }
}
