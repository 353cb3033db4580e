package io.mlpipe.tasks.preprocess;

import java.io.InputStream;
import java.util.function.IntSupplier;

/** Bytes in reads of the sizes given, like a network stream's: for readers that must not assume full reads. */
final class ShortReads extends InputStream {
    private final byte[] bytes;
    private final IntSupplier sizes;
    private int pos;

    ShortReads(byte[] bytes, IntSupplier sizes) {
        this.bytes = bytes;
        this.sizes = sizes;
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pos == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, sizes.getAsInt()), bytes.length - pos);
        System.arraycopy(bytes, pos, into, offset, n);
        pos += n;
        return n;
    }
}
