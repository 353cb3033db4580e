package io.mlpipe.tasks.preprocess;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A buffer in front of an output stream for the training CSV's many tiny writes (a field, a comma). Unlike
 * {@link java.io.BufferedOutputStream} it takes no lock per write, which in the second pass costs as much as
 * the copying. Not thread-safe: one writer owns it.
 */
final class CsvOutput {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The longest value {@link #writeShort} writes. */
    static final int SHORT = 2 * Long.BYTES;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int length;

    CsvOutput(OutputStream out) {
        this.out = out;
    }

    void write(byte b) throws IOException {
        if (length == buffer.length) {
            drain();
        }
        buffer[length++] = b;
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /**
     * Writes up to 7 bytes packed in a long by {@link #word}: one store of 8 bytes instead of a copy (the byte past
     * the written ones is overwritten by the next write or never drained).
     */
    void writeWord(long word) throws IOException {
        makeRoom(Long.BYTES);
        writeWordInRoom(word);
    }

    /** Makes room for {@code bytes} more bytes in the buffer, so that as many bytes of words need no check of their own. */
    void makeRoom(int bytes) throws IOException {
        if (length > buffer.length - bytes) {
            drain();
        }
    }

    /** {@link #writeWord} after {@link #makeRoom} for it. */
    void writeWordInRoom(long word) {
        LONGS.set(buffer, length, word);
        length += (int) (word >>> 56);
    }

    /**
     * Writes {@code count} bytes, at most {@link #SHORT}, of {@code bytes} from {@code offset}, which must have
     * {@link #SHORT} bytes from there: two word stores instead of a copy.
     */
    void writeShort(byte[] bytes, int offset, int count) throws IOException {
        if (length > buffer.length - SHORT) {
            drain();
        }
        LONGS.set(buffer, length, (long) LONGS.get(bytes, offset));
        LONGS.set(buffer, length + Long.BYTES, (long) LONGS.get(bytes, offset + Long.BYTES));
        length += count;
    }

    /** {@code bytes} (at most 7) as one long for {@link #writeWord}: little-endian, the count in the top byte. */
    static long word(byte[] bytes) {
        if (bytes.length >= Long.BYTES) {
            throw new IllegalArgumentException(bytes.length + " bytes do not fit a word");
        }
        long word = (long) bytes.length << 56;
        for (int i = 0; i < bytes.length; i++) {
            word |= (bytes[i] & 0xFFL) << (8 * i);
        }
        return word;
    }

    void write(byte[] bytes, int offset, int count) throws IOException {
        if (count > buffer.length - length) {
            drain();
            if (count > buffer.length) {
                out.write(bytes, offset, count);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /** Passes everything written so far on to the stream (does not close it). */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }
}
