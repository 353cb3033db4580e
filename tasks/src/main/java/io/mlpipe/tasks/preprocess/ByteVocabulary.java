package io.mlpipe.tasks.preprocess;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct byte strings with a count each, looked up straight from the CSV record buffer so counting and
 * encoding categories allocates nothing per cell. Open addressing over an arena; bounded by {@code capacity}.
 * A value is keyed by its length and its first and last 8 bytes read as two longs: for the usual cell of up to
 * 16 bytes that key is the value, so one lookup costs two loads, a multiply and three compares.
 */
final class ByteVocabulary {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Values up to this long are told apart by their key alone. */
    private static final int KEYED = 16;

    private final int capacity;
    private byte[] arena = new byte[1024];
    private int arenaLength;
    private int[] offsets;
    private int[] lengths;
    private long[] counts;
    private long[] heads;
    private long[] tails;
    private int size;
    private int[] slots; // entry index + 1, 0 = empty

    ByteVocabulary(int capacity) {
        this.capacity = capacity;
        this.offsets = new int[16];
        this.lengths = new int[16];
        this.counts = new long[16];
        this.heads = new long[16];
        this.tails = new long[16];
        this.slots = new int[Integer.highestOneBit(Math.max(capacity, 8) * 2) * 2];
    }

    int size() {
        return size;
    }

    /**
     * Counts one occurrence and returns the value's index (a new value gets index {@code size() - 1}); -1 when the
     * value would be entry number {@code capacity + 1} (not added).
     */
    int count(byte[] b, int start, int end) {
        int slot = find(b, start, end);
        int entry = slots[slot] - 1;
        if (entry >= 0) {
            counts[entry]++;
            return entry;
        }
        if (size == capacity) {
            return -1;
        }
        add(b, start, end, slot);
        counts[size - 1] = 1;
        return size - 1;
    }

    /** Counts one occurrence of a value it holds and returns the value's index; -1, counting nothing, for any other. */
    int countKnown(byte[] b, int start, int end) {
        int entry = slots[find(b, start, end)] - 1;
        if (entry >= 0) {
            counts[entry]++;
        }
        return entry;
    }

    /** Adds a value (if new) and returns its index. */
    int add(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int slot = find(b, 0, b.length);
        if (slots[slot] == 0) {
            if (size == capacity) {
                throw new IllegalStateException("vocabulary full");
            }
            add(b, 0, b.length, slot);
        }
        return slots[slot] - 1;
    }

    /** The index of a value, or -1. */
    int indexOf(byte[] b, int start, int end) {
        return slots[find(b, start, end)] - 1;
    }

    String value(int index) {
        return new String(arena, offsets[index], lengths[index], StandardCharsets.UTF_8);
    }

    /** The value's bytes (a copy). */
    byte[] bytes(int index) {
        return Arrays.copyOfRange(arena, offsets[index], offsets[index] + lengths[index]);
    }

    long count(int index) {
        return counts[index];
    }

    private void add(byte[] b, int start, int end, int slot) {
        int length = end - start;
        if (arenaLength + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + length));
        }
        System.arraycopy(b, start, arena, arenaLength, length);
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
            heads = Arrays.copyOf(heads, size * 2);
            tails = Arrays.copyOf(tails, size * 2);
        }
        heads[size] = head(b, start, end);
        tails[size] = tail(b, start, end);
        offsets[size] = arenaLength;
        lengths[size] = length;
        arenaLength += length;
        size++;
        slots[slot] = size;
    }

    /** The slot holding the value, or the empty slot where it belongs (the table is never more than half full). */
    private int find(byte[] b, int start, int end) {
        int length = end - start;
        long head = head(b, start, end);
        long tail = tail(b, start, end);
        long h = (head ^ Long.rotateLeft(tail, 29) ^ length) * 0x9E3779B97F4A7C15L;
        int mask = slots.length - 1;
        int slot = (int) (h >>> 40) & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0 || heads[entry] == head && lengths[entry] == length && tails[entry] == tail
                    && (length <= KEYED || equalsAt(entry, b, start, end))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value's first 8 bytes (fewer: zero-padded) as a little-endian long. */
    private static long head(byte[] b, int start, int end) {
        int length = end - start;
        if (length >= 8) {
            return (long) LONGS.get(b, start);
        }
        if (length == 0) {
            return 0;
        }
        if (end >= 8) {
            // the 8 bytes ending with the value, the bytes before it shifted out
            return (long) LONGS.get(b, end - 8) >>> (64 - 8 * length);
        }
        long key = 0;
        for (int i = end - 1; i >= start; i--) {
            key = key << 8 | (b[i] & 0xFF);
        }
        return key;
    }

    /** The value's last 8 bytes when it is longer than 8 (they overlap the head below 16), else 0. */
    private static long tail(byte[] b, int start, int end) {
        return end - start > 8 ? (long) LONGS.get(b, end - 8) : 0;
    }

    private boolean equalsAt(int index, byte[] b, int start, int end) {
        int offset = offsets[index];
        return Arrays.equals(arena, offset, offset + lengths[index], b, start, end);
    }
}
