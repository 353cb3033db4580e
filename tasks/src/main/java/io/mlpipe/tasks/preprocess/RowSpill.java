package io.mlpipe.tasks.preprocess;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows the first pass used, kept in a local temporary file so the second pass writes the training data from it
 * instead of downloading and parsing the CSV again. A row is its cells in output order (label first), each a token:
 * while a column has a vocabulary, the cell's index in it, else the cell's bytes after their length (none
 * for a missing cell). Both as LEB128 varints, so a low-cardinality cell takes one byte whatever its text.
 *
 * <p>The file never grows past its budget (the free space of the folder, less a margin, unless told less): past it,
 * it is dropped ({@link #finish()} says so), and the second pass reads the CSV again as before. Writes go to a
 * buffer whose drains check the budget, so a cell costs no more than a buffer store.
 */
final class RowSpill implements Closeable {
    /** Free space left to everything else in the folder (Lambda's /tmp is shared by warm invocations' code). */
    static final long MARGIN = 64L << 20;
    /** A row's token for a cell kept as its bytes. */
    static final int BYTES = -1;
    /** A row's token for a missing cell of a column kept as bytes. */
    static final int MISSING = -2;
    /** Cells shorter than this are copied as two words. */
    private static final int SHORT = 2 * Long.BYTES;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Longest varint of an int. */
    private static final int MAX_VARINT = 5;

    private final Path file;
    private final long budget;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private long written;
    private boolean kept;

    private RowSpill(Path file, long budget, OutputStream out) {
        this.file = file;
        this.budget = budget;
        this.out = out;
        this.kept = out != null;
    }

    /** A spill in {@code folder} of at most {@code budget} bytes; one that keeps nothing when the folder cannot take a file. */
    static RowSpill in(Path folder, long budget) {
        try {
            Path file = Files.createTempFile(folder, "mlpipe-rows-", ".bin");
            return new RowSpill(file, budget, Files.newOutputStream(file));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return new RowSpill(null, 0, null); // read-only or missing folder: the second pass reads the CSV instead
        }
    }

    /** A spill in the JVM's temporary folder (/tmp on Lambda), up to its free space less {@link #MARGIN}. */
    static RowSpill inTemporaryFolder() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        return in(folder, folder.toFile().getUsableSpace() - MARGIN);
    }

    /**
     * A row: per cell (in output order), its vocabulary index, or {@link #BYTES} for the bytes of field
     * {@code fields[k]} of the current record, or {@link #MISSING} for none.
     */
    void row(int[] tokens, CsvParser csv, int[] fields) throws IOException {
        byte[] b = csv.buffer();
        for (int k = 0; k < tokens.length; k++) {
            int token = tokens[k];
            if (token >= 0) {
                token(token);
            } else if (token == MISSING) {
                bytes(b, 0, 0);
            } else {
                int start = csv.start(fields[k]);
                int count = csv.end(fields[k]) - start;
                if (count < SHORT && b.length - start >= SHORT && length <= buffer.length - SHORT - 1) {
                    // the usual number: its length, then two word copies instead of arraycopy's set-up
                    buffer[length] = (byte) count;
                    LONGS.set(buffer, length + 1, (long) LONGS.get(b, start));
                    LONGS.set(buffer, length + 1 + Long.BYTES, (long) LONGS.get(b, start + Long.BYTES));
                    length += 1 + count;
                } else {
                    bytes(b, start, start + count);
                }
            }
        }
    }

    /** A cell as its index in the column's vocabulary. */
    void token(int token) throws IOException {
        if (length > buffer.length - MAX_VARINT) {
            drain();
        }
        if (token < 0x80) {
            buffer[length++] = (byte) token; // most cells
        } else {
            length = varint(token);
        }
    }

    /** A cell as its bytes: {@code b[start, end)}. */
    void bytes(byte[] b, int start, int end) throws IOException {
        int count = end - start;
        if (length > buffer.length - MAX_VARINT - count) {
            drain();
            if (count > buffer.length - MAX_VARINT) {
                length = varint(count);
                drain();
                write(b, start, count);
                return;
            }
        }
        length = varint(count);
        System.arraycopy(b, start, buffer, length, count);
        length += count;
    }

    /** Writes out the last rows; true when the file holds every row (false: over budget, or no file could be made). */
    boolean finish() throws IOException {
        if (kept) {
            drain();
        }
        if (kept) {
            out.close();
        }
        return kept;
    }

    /** The rows for the second pass, after {@link #finish()} returned true. */
    RowSpillReader reader() throws IOException {
        if (!kept) {
            throw new IllegalStateException("the row spill was dropped; read the CSV again");
        }
        return new RowSpillReader(Files.newInputStream(file));
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private int varint(int value) {
        int v = value;
        int at = length;
        while ((v & ~0x7F) != 0) {
            buffer[at++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buffer[at++] = (byte) v;
        return at;
    }

    private void drain() throws IOException {
        write(buffer, 0, length);
        length = 0;
    }

    private void write(byte[] b, int offset, int count) throws IOException {
        if (!kept) {
            return;
        }
        written += count;
        if (written > budget) {
            kept = false; // the rest of the pass only fills and empties the buffer
            out.close();
            Files.deleteIfExists(file);
            return;
        }
        out.write(b, offset, count);
    }
}
