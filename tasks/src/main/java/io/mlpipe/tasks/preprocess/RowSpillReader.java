package io.mlpipe.tasks.preprocess;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads back the tokens {@link RowSpill} wrote, in the same order. */
final class RowSpillReader implements Closeable {
    private final InputStream in;
    private byte[] buffer = new byte[RowSpill.BUFFER];
    private int pos;
    private int limit;

    RowSpillReader(InputStream in) {
        this.in = in;
    }

    /** The next cell's token (see {@link RowSpill#token}). */
    int token() throws IOException {
        makeRoom(RowSpill.MAX_VARINT);
        return tokenInRoom();
    }

    /**
     * Makes the next {@code bytes} bytes readable (all the file has left, near its end), so that as many bytes of
     * tokens need no check of their own.
     */
    void makeRoom(int bytes) throws IOException {
        if (limit - pos < bytes) {
            fill(bytes);
        }
    }

    /** {@link #token()} after {@link #makeRoom} for it. */
    int tokenInRoom() {
        int b = buffer[pos++];
        if (b >= 0) {
            return b; // one byte: an index below 127, the usual case
        }
        int value = b & 0x7F;
        int shift = 7;
        do {
            b = buffer[pos++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }

    /** Copies the next cell's bytes (see {@link RowSpill#bytes}) and then {@code separator} to {@code out}. */
    void copyBytes(CsvOutput out, byte separator) throws IOException {
        int count = token();
        if (count <= CsvOutput.SHORT && limit - pos >= count && buffer.length - pos >= CsvOutput.SHORT) {
            out.writeShort(buffer, pos, count); // the usual number, read in full (its 16 bytes may reach past it)
            out.write(separator);
            pos += count;
            return;
        }
        if (limit - pos < count) {
            fill(count);
            if (limit - pos < count) {
                throw new EOFException("the row spill ended inside a cell");
            }
        }
        out.write(buffer, pos, count);
        out.write(separator);
        pos += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes at least {@code needed} bytes readable at pos, or as many as the file has left. */
    private void fill(int needed) throws IOException {
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, needed);
        }
        while (limit < needed) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                if (limit == 0) {
                    throw new EOFException("the row spill ended before its last row");
                }
                return; // the last tokens are shorter than a varint's longest
            }
            limit += n;
        }
    }
}
