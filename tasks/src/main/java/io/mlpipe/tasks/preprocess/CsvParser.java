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
 *
 * <p>Two ways to read a record. Most records are plain (no control byte, no quote but around a whole value with
 * nothing to unescape) and lie inside the bytes read: those are read from a structural index, the positions of
 * every comma, quote, CR, LF and control byte (and of a few rare ordinary bytes, see {@link #indexMarks}) in the
 * bytes read, built eight bytes at a time in one sweep per read, with no branch per byte; a field then costs one
 * index entry instead of a scan for its end. Any other record (a quote to unescape or keep, a control byte, or
 * not ending inside the bytes read) is read again from its start byte by byte, which defines the behaviour: the
 * index only saves work on records where both ways give the same fields.
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
    private static final long HIGH_BITS = ONES * 0x80;
    private static final long SPACES = ONES * ' ';
    /** Added to a byte's low 7 bits, sets its high bit exactly when they are at least ','+1. */
    private static final long ABOVE_COMMA = ONES * (0x80 - (',' + 1));

    private final InputStream in;
    /**
     * Read bytes; the current record lives in [recordStart, limit) and its fields point into it. The byte at limit
     * is never read into: the index's end is written there (see index).
     */
    private byte[] buffer = new byte[BUFFER];
    private int recordStart;
    private int pos;
    private int limit;
    private boolean eof;

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fieldCount;

    /**
     * The structural index: the positions, in order, of the bytes {@link #indexMarks} marks in [the start of the
     * record that built it, indexedTo), then limit (see index); marks[nextMark] is the first at or after pos. Sized
     * to the buffer plus slack because the sweep writes three entries per word before it knows how many are real.
     */
    private int[] marks = new int[BUFFER + 8];
    private int markCount;
    private int nextMark;
    /** The end of the indexed bytes, which is limit; -1 once {@link #more} read or moved bytes (see there). */
    private int indexedTo = -1;
    /** Whether the indexed bytes have a space (see readIndexedRecord). */
    private boolean spacesIndexed;

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
        if (readIndexedRecord()) {
            return true;
        }
        fieldCount = 0; // the fields the index had ended before it gave up
        boolean read = readByteByByte();
        // The index entries of the record just read are passed (none left when reading more bytes dropped the index)
        while (nextMark < markCount && marks[nextMark] < pos) {
            nextMark++;
        }
        return read;
    }

    /**
     * Reads the record at {@code pos} from the index when it is plain: only commas until a CR or LF, all inside
     * the bytes read (a CR must have its next byte read too, to know whether an LF goes with it), and no quote but
     * around whole values with nothing to unescape. False when it is not, with pos, the line and the index as they
     * were, for {@link #readByteByByte} to read it from its start.
     */
    private boolean readIndexedRecord() {
        if (nextMark == markCount && indexedTo < limit) {
            index(); // no mark is left in the indexed bytes: index the rest of what is read
        }
        byte[] b = buffer;
        int[] at = marks;
        int m = nextMark;
        int fieldStart = pos;
        // Trimming only when a value may have blanks: a plain record has no control byte but tab, so without a
        // space in the indexed bytes its only blanks are tabs, which are marks, passed before their field ends.
        boolean trim = spacesIndexed;
        // 1 while the field is a quoted value (see below): its closing quote, before the field's end, is left out
        int closingQuote = 0;
        while (true) { // the index ends with a quote at limit, where the walk stops (see index)
            int i = at[m++];
            byte c = b[i];
            if (!endsField(c)) {
                if (c != '"') {
                    if (c < ' ' && c != '\t') {
                        return false; // the byte-by-byte reader refuses it
                    }
                    trim |= c == '\t';
                    continue; // an ordinary byte the index keeps (see indexMarks)
                }
                if (i != fieldStart || !onlyQuoted(i, m)) {
                    return false; // the byte-by-byte reader unquotes it, keeps it as it is, or reads on after limit
                }
                fieldStart = i + 1; // the value is between the quotes
                closingQuote = 1;
                m++;
                continue;
            }
            if (trim) {
                endField(fieldStart, i - closingQuote);
            } else {
                addField(fieldStart, i - closingQuote);
            }
            closingQuote = 0;
            fieldStart = i + 1;
            if (c == ',') {
                continue;
            }
            int end = i + 1;
            if (c == '\r') {
                if (end == limit) {
                    return false; // whether an LF follows is in bytes not read yet
                }
                if (b[end] == '\n') {
                    end++;
                    m++; // the LF is the next mark
                }
            }
            nextMark = m;
            pos = end;
            nextLine++;
            endedWithNewline = true;
            return true;
        }
    }

    /**
     * Whether the quote at {@code open}, with the next mark at marks[m], opens a value only quoted, with nothing to
     * unescape ("abc", as some exporters write every text value): the next mark is the closing quote and the one
     * after it ends the field right after it.
     */
    private boolean onlyQuoted(int open, int m) {
        int close = marks[m];
        return open != limit && close != limit && buffer[close] == '"' && marks[m + 1] == close + 1
                && endsField(buffer[close + 1]);
    }

    private static boolean endsField(byte c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /**
     * Indexes [pos, limit): the position of every byte {@link #indexMarks} marks, eight bytes at a time. A word
     * of a short-field CSV has one to three of them, so three positions are written whatever the word holds (a
     * position past the word when it has fewer, overwritten by the next word's) and the count moves on by the real
     * number: no branch per byte or per mark, only a rarely taken loop for a fourth one and more.
     */
    private void index() {
        if (marks.length < buffer.length + 8) {
            marks = new int[buffer.length + 8];
        }
        byte[] b = buffer;
        int[] at = marks;
        int n = 0;
        int base = pos;
        long spaces = 0;
        for (; base <= limit - 8; base += 8) {
            long bytes = (long) LONGS.get(b, base);
            spaces |= spaces(bytes);
            long word = indexMarks(bytes);
            long second = word & (word - 1);
            long rest = second & (second - 1);
            at[n] = base + (Long.numberOfTrailingZeros(word) >>> 3);
            at[n + 1] = base + (Long.numberOfTrailingZeros(second) >>> 3);
            at[n + 2] = base + (Long.numberOfTrailingZeros(rest) >>> 3);
            int count = Long.bitCount(word);
            for (int k = n + 3; k < n + count; k++) {
                rest &= rest - 1;
                at[k] = base + (Long.numberOfTrailingZeros(rest) >>> 3);
            }
            n += count;
        }
        spacesIndexed = spaces != 0;
        n = indexLastBytes(base, n);
        // The index ends with a quote after the bytes read (more() keeps that byte free): the walk stops there as at
        // any quote, with no test per mark for the end of the index.
        at[n] = limit;
        b[limit] = '"';
        markCount = n;
        nextMark = 0;
        indexedTo = limit;
    }

    /**
     * Indexes the last bytes read, under a word, from {@code from}, one at a time: appends the positions of the
     * bytes {@link #indexMarks} marks to the {@code count} in the index (returns the new count) and notes a space.
     */
    private int indexLastBytes(int from, int count) {
        int n = count;
        for (int i = from; i < limit; i++) {
            int c = buffer[i];
            spacesIndexed |= c == ' ';
            if (c >= 0 && c <= ',' && c != ' ') {
                marks[n++] = i;
            }
        }
        return n;
    }

    /** Reads the record at {@code pos} byte by byte: any record, the reference for what a record means. */
    private boolean readByteByByte() throws IOException, CsvFormatException {
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

    /**
     * The high bit of each byte of {@code word} up to ',' but space (and '!' right after a space): all the
     * {@link #specials} and a few ordinary bytes (tab, and ! # $ % & ' ( ) * +, rare in data) that the walk over
     * the index passes over. A third of the operations of {@link #specials}, in the sweep over every byte. Space,
     * the one common ordinary byte below the comma, is left out so that text keeps about one mark per field: the
     * subtraction finds the spaces (bytes 0 after the XOR), its borrow at most adding the '!' above one.
     */
    private static long indexMarks(long word) {
        return ~(((word & LOW_BITS) + ABOVE_COMMA) | word | ((word ^ SPACES) - ONES)) & HIGH_BITS;
    }

    /** The high bit of each space of {@code word} (and maybe of a '!' right after one): none when it has none. */
    private static long spaces(long word) {
        return ((word ^ SPACES) - ONES) & ~word & HIGH_BITS;
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

    /** Adds the field [start, end) without its surrounding spaces and tabs. */
    private void endField(int start, int end) {
        int s = start;
        int e = end;
        byte[] b = buffer;
        // Values seldom have spaces around them: one look at each edge byte (a space, a tab, or below, e.g. a
        // quoted newline), and the trimming loops only when one may be blank.
        if (s < e && ((b[s] & 0xFF) <= ' ' || (b[e - 1] & 0xFF) <= ' ')) {
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
                e--;
            }
        }
        addField(s, e);
    }

    /** Adds the field [start, end) as it is. */
    private void addField(int start, int end) {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
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
        // The index is dropped (it ends at the old limit, its positions move with the bytes); the next indexed
        // record indexes the bytes anew.
        indexedTo = -1;
        markCount = 0;
        nextMark = 0;
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
        if (limit == buffer.length - 1) { // the last byte is kept free for the index's end (see index)
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n;
        do {
            n = in.read(buffer, limit, buffer.length - 1 - limit);
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
