package io.mlpipe.tasks.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * First pass over the CSV: checks its shape (header, same number of values in every row, not truncated, text)
 * and profiles every column; then checks what needs the whole file (enough rows, no empty column, no numeric
 * column with stray text). Every failure is a {@link DataValidationError} saying where and what to do.
 */
final class DataProfiler {
    private final String target;
    private final int minRows;
    private final Split split;
    private final String configPath;

    DataProfiler(String target, int minRows, Split split, String configPath) {
        this.target = target;
        this.minRows = minRows;
        this.split = split;
        this.configPath = configPath;
    }

    /** Profiles the CSV in {@code in} and writes the rows it uses to {@code spill}, label first, in file order. */
    DataProfile profile(InputStream in, RowSpill spill) throws IOException {
        CsvParser csv = new CsvParser(in);
        try {
            if (!csv.next()) {
                throw new DataValidationError("the file is empty: it needs a header row with column names, then at least "
                        + minRows + " data rows");
            }
            List<ColumnProfile> columns = header(csv);
            int targetIndex = targetIndex(columns);
            int[] order = outputOrder(columns.size(), targetIndex);
            boolean featuresAdjacent = featuresAdjacent(columns.size(), targetIndex);
            ColumnProfile[] profiles = new ColumnProfile[order.length]; // the per-cell loop's view, in output order
            for (int k = 0; k < order.length; k++) {
                profiles[k] = columns.get(order[k]);
            }
            int[] tokens = new int[order.length];
            long row = 0;
            long used = 0;
            long withoutTarget = 0;
            long validation = 0;
            while (csv.next()) {
                row++;
                checkShape(csv, row, profiles.length);
                if (csv.isMissing(targetIndex)) {
                    withoutTarget++;
                    continue;
                }
                for (int k = 0; k < profiles.length; k++) {
                    ColumnProfile column = profiles[k];
                    int token = column.addKnown(csv, order[k]);
                    tokens[k] = token >= 0 ? token : column.add(csv, order[k], row, used);
                }
                spill.row(tokens, csv, order, featuresAdjacent);
                validation += split.validation(used);
                used++;
            }
            for (ColumnProfile column : profiles) {
                column.finish();
            }
            DataProfile profile = new DataProfile(columns, targetIndex, used, withoutTarget, used - validation, validation);
            checkWholeFile(profile, row);
            return profile;
        } catch (CsvFormatException e) {
            throw new DataValidationError(e.getMessage());
        }
    }

    /**
     * Whether the features stand side by side in the file (the target is its first or last column), so that a row's
     * features can be written as one block of its bytes (see {@link RowSpill#row}).
     */
    static boolean featuresAdjacent(int columns, int targetIndex) {
        return targetIndex == 0 || targetIndex == columns - 1;
    }

    /** The training CSV's column order: the label, then every other column as in the file. */
    static int[] outputOrder(int columns, int targetIndex) {
        int[] order = new int[columns];
        order[0] = targetIndex;
        int k = 1;
        for (int i = 0; i < columns; i++) {
            if (i != targetIndex) {
                order[k++] = i;
            }
        }
        return order;
    }

    private List<ColumnProfile> header(CsvParser csv) {
        List<ColumnProfile> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int i = 0; i < csv.fieldCount(); i++) {
            String name = csv.text(i);
            if (name.isEmpty()) {
                throw new DataValidationError("line " + csv.line() + " (the header): column " + (i + 1)
                        + " has no name; every column needs a name in the first line");
            }
            Integer previous = seen.put(name, i);
            if (previous != null) {
                throw new DataValidationError("line " + csv.line() + " (the header): the column name '" + name
                        + "' appears twice (columns " + (previous + 1) + " and " + (i + 1) + "); column names must be unique");
            }
            allNumbers &= csv.isNumber(i);
            columns.add(new ColumnProfile(name));
        }
        if (allNumbers) {
            throw new DataValidationError("line " + csv.line() + " looks like data, not column names: the file needs a "
                    + "header row naming each column, with the target column named '" + target + "'");
        }
        return columns;
    }

    private int targetIndex(List<ColumnProfile> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name.equals(target)) {
                if (columns.size() == 1) {
                    throw new DataValidationError("the file has only the target column '" + target
                            + "'; it needs at least one feature column beside it");
                }
                return i;
            }
        }
        String names = columns.stream().map(c -> c.name).collect(Collectors.joining(", "));
        throw new DataValidationError("there is no target column '" + target + "' in the header (columns: " + names
                + "); name the column to predict '" + target + "' or set \"target\" in " + configPath);
    }

    private static void checkShape(CsvParser csv, long row, int columns) {
        int values = csv.fieldCount();
        if (values == columns) {
            return;
        }
        if (values < columns && !csv.endedWithNewline()) {
            throw new DataValidationError("row " + row + " (line " + csv.line() + ") has " + values + " of " + columns
                    + " values and the file ends there without a newline: the file looks truncated (cut off during"
                    + " upload or export?); upload the complete file again");
        }
        throw new DataValidationError("row " + row + " (line " + csv.line() + ") has " + values + " values but the header"
                + " has " + columns + " columns; look for a missing or extra comma (quote values that contain commas)");
    }

    private void checkWholeFile(DataProfile profile, long rowsInFile) {
        if (rowsInFile == 0) {
            throw new DataValidationError("the file has a header but no data rows; at least " + minRows + " are needed");
        }
        if (profile.rows() < minRows) {
            String dropped = profile.rowsWithoutTarget() == 0 ? ""
                    : " (" + profile.rowsWithoutTarget() + " more have no '" + target + "' value and are not used)";
            throw new DataValidationError("the file has " + profile.rows() + " data row" + (profile.rows() == 1 ? "" : "s")
                    + " with a '" + target + "' value" + dropped + "; at least " + minRows + " are needed (\"minRows\" in "
                    + configPath + ")");
        }
        List<String> empty = profile.columns().stream().filter(ColumnProfile::isAllMissing).map(c -> "'" + c.name + "'").toList();
        if (!empty.isEmpty()) {
            throw new DataValidationError("column" + (empty.size() == 1 ? " " : "s ") + String.join(", ", empty)
                    + (empty.size() == 1 ? " is" : " are") + " empty in every row; remove " + (empty.size() == 1 ? "it" : "them")
                    + " or fill in values");
        }
        for (ColumnProfile column : profile.columns()) {
            if (column.hasTypos()) {
                throw new DataValidationError("row " + column.firstTextRow + " (line " + column.firstTextLine + "), column '"
                        + column.name + "': expected a number, got '" + column.firstText + "' (" + column.text + " of "
                        + column.count() + " values in this column " + (column.text == 1 ? "is not a number" : "are not numbers")
                        + "); fix the value or make the whole column text");
            }
            if (!column.isNumeric() && column.distinct() == null) {
                throw new DataValidationError("column '" + column.name + "' has more than " + ColumnProfile.MAX_DISTINCT
                        + " different text values: it looks like an identifier or free text, not a category; remove the column");
            }
        }
        if (profile.validationRows() == 0 || profile.trainRows() == 0) {
            throw new DataValidationError("the " + profile.rows() + " data rows give an empty "
                    + (profile.validationRows() == 0 ? "validation" : "training") + " set with validationFraction "
                    + "as configured; add rows or change \"validationFraction\" in " + configPath);
        }
    }
}
