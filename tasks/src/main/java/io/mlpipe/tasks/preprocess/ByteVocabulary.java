package io.mlpipe.tasks.preprocess;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct byte strings with a count each, looked up straight from the CSV record buffer so counting and
 * encoding categories allocates nothing per cell. Open addressing over an arena; bounded by {@code capacity}.
 */
final class ByteVocabulary {
    private final int capacity;
    private byte[] arena = new byte[1024];
    private int arenaLength;
    private int[] offsets;
    private int[] lengths;
    private long[] counts;
    /** Per entry, its bytes packed into a long when it has at most 8 (most cells): one compare finds it. */
    private long[] packed;
    private int size;
    private int[] slots; // entry index + 1, 0 = empty

    ByteVocabulary(int capacity) {
        this.capacity = capacity;
        this.offsets = new int[16];
        this.lengths = new int[16];
        this.counts = new long[16];
        this.packed = new long[16];
        this.slots = new int[Integer.highestOneBit(Math.max(capacity, 8) * 2) * 2];
    }

    int size() {
        return size;
    }

    /** Counts one occurrence; false when the value would be entry number {@code capacity + 1} (not added). */
    boolean count(byte[] b, int start, int end) {
        int slot = find(b, start, end);
        if (slots[slot] != 0) {
            counts[slots[slot] - 1]++;
            return true;
        }
        if (size == capacity) {
            return false;
        }
        add(b, start, end, slot);
        counts[size - 1] = 1;
        return true;
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
            packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size] = length <= 8 ? pack(b, start, end) : 0;
        offsets[size] = arenaLength;
        lengths[size] = length;
        arenaLength += length;
        size++;
        slots[slot] = size;
    }

    /** The slot holding the value, or the empty slot where it belongs (the table is never more than half full). */
    private int find(byte[] b, int start, int end) {
        int length = end - start;
        int mask = slots.length - 1;
        if (length <= 8) {
            long key = pack(b, start, end);
            long h = (key ^ length) * 0x9E3779B97F4A7C15L;
            int slot = (int) (h >>> 40) & mask;
            while (slots[slot] != 0 && (lengths[slots[slot] - 1] != length || packed[slots[slot] - 1] != key)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + b[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (slots[slot] != 0 && !equalsAt(slots[slot] - 1, b, start, end)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long pack(byte[] b, int start, int end) {
        long key = 0;
        for (int i = start; i < end; i++) {
            key = key << 8 | (b[i] & 0xFF);
        }
        return key;
    }

    private boolean equalsAt(int index, byte[] b, int start, int end) {
        int length = end - start;
        if (lengths[index] != length) {
            return false;
        }
        int offset = offsets[index];
        // cells are short: a plain loop beats Arrays.equals' setup cost here
        for (int i = 0; i < length; i++) {
            if (arena[offset + i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }
}
