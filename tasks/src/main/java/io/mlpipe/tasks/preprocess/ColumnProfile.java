package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Values;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the first pass learns about one column: counts of missing, numeric and text cells, numeric range,
 * where the first text cell is, and the distinct values (with counts) up to {@link #MAX_DISTINCT}. Bounded
 * memory whatever the number of rows.
 *
 * <p>While the column has at most {@link #VOCABULARY} distinct spellings (missing ones included), a cell costs one
 * vocabulary lookup: missing cells, numbers and text are counted per distinct spelling at the end ({@link #finish()}),
 * not per cell, and the cell goes to the {@link RowSpill} as its index. Past that (an amount, an identifier) the
 * column is profiled cell by cell and its cells are spilled as bytes.
 */
final class ColumnProfile {
    /** More distinct values than this makes a text column an identifier or free text, not a category. */
    static final int MAX_DISTINCT = 1000;
    /** A column at least this numeric with a few text cells is a numeric column with typos. */
    static final double NUMERIC_SHARE_FOR_TYPOS = 0.95;
    /** Room for every category and every spelling of missing (33 of them, NA to NULL in any case). */
    static final int VOCABULARY = MAX_DISTINCT + 64;
    /** {@link #cellByCellFrom} while the vocabulary holds every value. */
    static final long NEVER = Long.MAX_VALUE;

    final String name;
    long missing;
    long numeric;
    long text;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum;
    boolean integral = true;
    String firstText;
    long firstTextRow;
    long firstTextLine;
    /** The column's spellings in order of appearance; frozen once full (the spill's earlier rows index it). */
    private final ByteVocabulary values = new ByteVocabulary(VOCABULARY);
    /** Per value, the row and line where it first appears (for the first text cell's error message). */
    private long[] firstRows = new long[16];
    private long[] firstLines = new long[16];
    private int seen;
    /** The index of the used row from which cells are profiled and spilled one by one; {@link #NEVER} if not. */
    private long cellByCellFrom = NEVER;
    private boolean folded;

    ColumnProfile(String name) {
        this.name = name;
    }

    /**
     * {@link #add}'s usual case alone: while the vocabulary holds every value so far and holds this cell's, counts the
     * cell and returns its index; else returns -1 having done nothing, and the cell needs {@link #add}. Kept this small
     * so that the JIT inlines it into the per-cell loop: {@code add}, with its rare paths, compiles too big to be
     * inlined, and calling it for every cell made the first pass on churn data about 12% slower.
     */
    int addKnown(CsvParser csv, int field) {
        return cellByCellFrom == NEVER ? values.countKnown(csv.buffer(), csv.start(field), csv.end(field)) : -1;
    }

    /**
     * Profiles the field of the current record; {@code used} is the row's index among the used rows. Returns how the
     * spill keeps the cell: its vocabulary index, or {@link RowSpill#BYTES} or {@link RowSpill#MISSING}.
     */
    int add(CsvParser csv, int field, long row, long used) {
        if (cellByCellFrom == NEVER) {
            int index = values.count(csv.buffer(), csv.start(field), csv.end(field));
            if (index == seen) {
                firstSeen(index, row, csv); // new values get the next index
            }
            if (index >= 0) {
                return index;
            }
            fold(); // the vocabulary is full: what it counted becomes the running totals, cell by cell from here
            cellByCellFrom = used;
        }
        return addCell(csv, field, row);
    }

    /** Adds the vocabulary's counts to the totals; call once, after the last row. */
    void finish() {
        if (cellByCellFrom == NEVER) {
            fold();
        }
    }

    long count() {
        return numeric + text;
    }

    boolean isAllMissing() {
        return count() == 0;
    }

    boolean isNumeric() {
        return text == 0 && numeric > 0;
    }

    /** Mostly numbers with a few text cells: a typo, not a categorical column. */
    boolean hasTypos() {
        return text > 0 && numeric >= NUMERIC_SHARE_FOR_TYPOS * count();
    }

    /** Distinct values and their counts in order of appearance, or null when there were more than {@link #MAX_DISTINCT}. */
    Map<String, Long> distinct() {
        if (cellByCellFrom != NEVER) {
            return null;
        }
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.bytes(i);
            if (!Values.isMissing(value, 0, value.length)) {
                distinct.put(values.value(i), values.count(i));
            }
        }
        return distinct.size() > MAX_DISTINCT ? null : distinct;
    }

    /** The used row from which the spill holds this column's cells as bytes rather than indexes; {@link #NEVER} if none. */
    long cellByCellFrom() {
        return cellByCellFrom;
    }

    /** The bytes of the value with vocabulary index {@code index} (the spill's token). */
    byte[] valueBytes(int index) {
        return values.bytes(index);
    }

    /** How many values the vocabulary holds (all of the column's, unless {@link #cellByCellFrom()} is a row). */
    int vocabularySize() {
        return values.size();
    }

    double mean() {
        return sum / numeric;
    }

    private void firstSeen(int index, long row, CsvParser csv) {
        byte[] value = values.bytes(index);
        if (!Arrays.equals(value, new String(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))) {
            // categories and classes are JSON text in features.json and in prediction requests: they must be UTF-8
            throw new DataValidationError("row " + row + " (line " + csv.line() + "), column '" + name + "': the value '"
                    + values.value(index) + "' is not UTF-8 text (the file looks saved in another encoding, such as"
                    + " Latin-1 or Windows-1252); export it as CSV UTF-8 and upload it again");
        }
        seen++;
        if (index == firstRows.length) {
            firstRows = Arrays.copyOf(firstRows, index * 2);
            firstLines = Arrays.copyOf(firstLines, index * 2);
        }
        firstRows[index] = row;
        firstLines[index] = csv.line();
    }

    /** Each distinct value once, weighted by its count. */
    private void fold() {
        if (folded) {
            throw new IllegalStateException("column '" + name + "' was folded twice");
        }
        folded = true;
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.bytes(i);
            long count = values.count(i);
            double number = Values.parseOrNaN(value, 0, value.length);
            if (Values.isMissing(value, 0, value.length)) {
                missing += count;
            } else if (!Double.isNaN(number)) {
                addNumber(number, count);
            } else {
                text += count;
                if (firstText == null || firstRows[i] < firstTextRow) {
                    firstText = values.value(i);
                    firstTextRow = firstRows[i];
                    firstTextLine = firstLines[i];
                }
            }
        }
    }

    /** Profiles a cell on its own, once the vocabulary is full (kept out of {@link #add}'s lookup path). */
    private int addCell(CsvParser csv, int field, long row) {
        if (csv.isMissing(field)) {
            missing++;
            return RowSpill.MISSING;
        }
        double value = csv.numberOrNaN(field);
        if (!Double.isNaN(value)) {
            addNumber(value, 1);
        } else if (text++ == 0) {
            firstText = csv.text(field);
            firstTextRow = row;
            firstTextLine = csv.line();
        }
        return RowSpill.BYTES;
    }

    private void addNumber(double value, long count) {
        numeric += count;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += count == 1 ? value : value * count;
        if (integral && value != Math.rint(value)) {
            integral = false; // one fraction decides it; the rest of the column skips the rounding
        }
    }
}
