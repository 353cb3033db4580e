package io.mlpipe.tasks.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the first pass learns about one column: counts of missing, numeric and text cells, numeric range,
 * where the first text cell is, and the distinct values (with counts) up to {@link #MAX_DISTINCT}. Bounded
 * memory whatever the number of rows.
 */
final class ColumnProfile {
    /** More distinct values than this makes a text column an identifier or free text, not a category. */
    static final int MAX_DISTINCT = 1000;
    /** A column at least this numeric with a few text cells is a numeric column with typos. */
    static final double NUMERIC_SHARE_FOR_TYPOS = 0.95;

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
    private ByteVocabulary distinct = new ByteVocabulary(MAX_DISTINCT);

    ColumnProfile(String name) {
        this.name = name;
    }

    void add(CsvParser csv, int field, long row) {
        if (csv.isMissing(field)) {
            missing++;
            return;
        }
        double value = csv.numberOrNaN(field);
        if (!Double.isNaN(value)) {
            numeric++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            if (integral && value != Math.rint(value)) {
                integral = false; // one fraction decides it; the rest of the column skips the rounding
            }
        } else {
            if (text++ == 0) {
                firstText = csv.text(field);
                firstTextRow = row;
                firstTextLine = csv.line();
            }
        }
        if (distinct != null && !csv.countInto(field, distinct)) {
            distinct = null; // too many to be categories; stop paying for them
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
        if (distinct == null) {
            return null;
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            values.put(distinct.value(i), distinct.count(i));
        }
        return values;
    }

    double mean() {
        return sum / numeric;
    }
}
