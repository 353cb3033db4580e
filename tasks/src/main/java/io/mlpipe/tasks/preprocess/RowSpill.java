package io.mlpipe.tasks.preprocess;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rows the first pass used, kept in a local temporary file so the second pass writes the training data from it
 * instead of downloading and parsing the CSV again. A row is its cells in output order (label first), each a token:
 * while a column has a vocabulary, the cell's index in it, else the cell's bytes after their length (none
 * for a missing cell). Both as LEB128 varints, so a low-cardinality cell takes one byte whatever its text.
 *
 * <p>The file never grows past its budget (the free space of the folder, less a margin, unless told less): past it,
 * or when a write fails (the disk filled up), it is dropped ({@link #finish()} says so), and the second pass reads
 * the CSV again as before. Writes go to a buffer whose drains check the budget, so a cell costs no more than a
 * buffer store. The file has no name from the moment it is opened (unlinked, read and written through one channel),
 * so a function killed mid-run leaves nothing in /tmp: the space comes back when the process ends.
 */
final class RowSpill implements Closeable {
    /** Free space left to everything else in the folder (Lambda's /tmp is shared by warm invocations' code). */
    static final long MARGIN = 64L << 20;
    /** A row's token for a cell kept as its bytes. */
    static final int BYTES = -1;
    /** A row's token for a missing cell of a column kept as bytes. */
    static final int MISSING = -2;
    /** A row's flag: its features follow as one block of bytes (see {@link #row}). */
    static final int BLOCK = 1;
    /** A row's flag: its features follow cell by cell. */
    static final int CELLS = 0;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Room for a cell that needs no check of its own: a number written by {@link #cell}'s word copies, or a varint. */
    private static final int CELL = 1 + CsvOutput.SHORT;
    /** Longest varint of an int. */
    static final int MAX_VARINT = 5;
    /**
     * The spill's buffer, and its reader's: 1 MiB, since with 64 KiB writes and reads the core was about 15% slower
     * on numeric data (its spill is near the CSV's size).
     */
    static final int BUFFER = 1 << 20;

    private final FileChannel file;
    private final long budget;
    private final byte[] buffer = new byte[BUFFER];
    private int length;
    private long written;
    private boolean kept;

    private RowSpill(FileChannel file, long budget) {
        this.file = file;
        this.budget = budget;
        this.kept = file != null;
    }

    /** A spill in {@code folder} of at most {@code budget} bytes; one that keeps nothing when the folder cannot take a file. */
    static RowSpill in(Path folder, long budget) {
        Path path = null;
        FileChannel file = null;
        try {
            path = Files.createTempFile(folder, "mlpipe-rows-", ".bin");
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Files.delete(path); // open, it stays readable and writable; nothing is left behind whatever happens next
            return new RowSpill(file, budget);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            discard(file, path);
            return none(); // read-only or missing folder: the second pass reads the CSV instead
        }
    }

    /** A spill that keeps nothing: the second pass reads the CSV again. */
    static RowSpill none() {
        return new RowSpill(null, 0);
    }

    /** Closes and deletes what a failed {@link #in} made, as far as it can: the run goes on without a spill. */
    private static void discard(FileChannel file, Path path) {
        try {
            if (file != null) {
                file.close();
            }
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | SecurityException ignored) {
            // a leftover file only costs space in /tmp; failing the run for it would lose the drop
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
     *
     * <p>A row whose features are all kept as bytes (the features of a wide numeric table, once each has more
     * distinct values than a vocabulary holds) starts with a flag: {@link #BLOCK} when, with {@code featuresAdjacent},
     * its features stand in the record as written, none missing, quoted or padded, one comma apart: then they are
     * kept as one cell, the record's bytes from the first feature to the last, commas included, and the second pass
     * copies them in one go. Else {@link #CELLS}, and the cells follow one by one.
     */
    void row(int[] tokens, CsvParser csv, int[] fields, boolean featuresAdjacent) throws IOException {
        if (featuresAdjacent && allFeaturesAsBytes(tokens)) {
            int last = tokens.length - 1;
            if (isBlock(tokens, csv, fields)) {
                token(BLOCK);
                cell(tokens[0], csv, fields[0]);
                bytes(csv.buffer(), csv.start(fields[1]), csv.end(fields[last]));
                return;
            }
            token(CELLS);
        }
        makeRoomForCells(tokens.length);
        for (int k = 0; k < tokens.length; k++) {
            int token = tokens[k];
            if ((token & ~0x7F) == 0) {
                buffer[length++] = (byte) token; // most cells: the buffer has room for every cell of the row as one
            } else {
                cell(token, csv, fields[k]);
                makeRoomForCells(tokens.length - k - 1); // a long value may have taken the room of the cells after it
            }
        }
    }

    /** Room for {@code cells} cells of at most {@link #CELL} bytes, so that a one-byte token needs no check of its own. */
    private void makeRoomForCells(int cells) throws IOException {
        if (length > buffer.length - cells * CELL) {
            drain();
        }
    }

    private static boolean allFeaturesAsBytes(int[] tokens) {
        for (int k = 1; k < tokens.length; k++) {
            if (tokens[k] >= 0) {
                return false;
            }
        }
        return true;
    }

    /** No missing feature, and each feature's value ends one byte (its comma) before the next one's starts. */
    private static boolean isBlock(int[] tokens, CsvParser csv, int[] fields) {
        for (int k = 1; k < tokens.length; k++) {
            if (tokens[k] != BYTES || k > 1 && csv.end(fields[k - 1]) + 1 != csv.start(fields[k])) {
                return false;
            }
        }
        return true;
    }

    private void cell(int token, CsvParser csv, int field) throws IOException {
        byte[] b = csv.buffer();
        if (token >= 0) {
            token(token);
        } else if (token == MISSING) {
            bytes(b, 0, 0);
        } else {
            int start = csv.start(field);
            int count = csv.end(field) - start;
            if (count < CsvOutput.SHORT && b.length - start >= CsvOutput.SHORT && length <= buffer.length - CsvOutput.SHORT - 1) {
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

    /**
     * Writes out the last rows; true when the file holds every row (false: over budget, a failed write, or no file
     * could be made).
     */
    boolean finish() throws IOException {
        drain();
        return kept;
    }

    /** The rows for the second pass, after {@link #finish()} returned true; closing it closes the spill. */
    RowSpillReader reader() throws IOException {
        if (!kept) {
            throw new IllegalStateException("the row spill was dropped; read the CSV again");
        }
        return new RowSpillReader(Channels.newInputStream(file.position(0)));
    }

    /** Frees the file's space. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
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
        try {
            if (written > budget) {
                throw new IOException("over budget");
            }
            ByteBuffer bytes = ByteBuffer.wrap(b, offset, count);
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            kept = false; // the rest of the pass only fills and empties the buffer; the second pass reads the CSV
            try {
                file.close();
            } catch (IOException ignored) {
                // the spill is given up either way; the CSV is still there to read
            }
        }
    }
}
