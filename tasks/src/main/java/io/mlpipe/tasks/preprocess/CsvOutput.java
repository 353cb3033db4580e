package io.mlpipe.tasks.preprocess;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffer in front of an output stream for the training CSV's many tiny writes (a field, a comma). Unlike
 * {@link java.io.BufferedOutputStream} it takes no lock per write, which in the second pass costs as much as
 * the copying. Not thread-safe: one writer owns it.
 */
final class CsvOutput {
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
        int count = bytes.length;
        if (count <= 8 && length <= buffer.length - 8) {
            for (int i = 0; i < count; i++) { // a category code and its comma: a loop beats arraycopy's set-up
                buffer[length + i] = bytes[i];
            }
            length += count;
            return;
        }
        write(bytes, 0, count);
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
