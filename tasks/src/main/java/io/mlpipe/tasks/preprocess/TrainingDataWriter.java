package io.mlpipe.tasks.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Second pass: writes every row with a target as SageMaker XGBoost CSV (label first, no header, missing values
 * as empty fields) to the train or validation stream chosen by {@link Split}. It reads the rows from the first
 * pass's {@link RowSpill}, or, when that could not be kept, from the CSV again.
 */
final class TrainingDataWriter {
    private final TrainingPlan plan;
    private final Split split;

    TrainingDataWriter(TrainingPlan plan, Split split) {
        this.plan = plan;
        this.split = split;
    }

    /** Writes the rows of the spill; returns the number of rows written to validation. */
    long write(RowSpillReader rows, OutputStream train, OutputStream validation) throws IOException {
        Destinations to = new Destinations(train, validation);
        byte[][][] values = plan.spilledValues;
        long[][] words = plan.spilledWords;
        long[] asBytesFrom = plan.spilledAsBytesFrom;
        int last = values.length - 1;
        long flaggedFrom = plan.blocksFrom;
        for (long used = 0; used < plan.rows; used++) {
            CsvOutput out = to.of(used);
            if (used >= flaggedFrom && rows.token() == RowSpill.BLOCK) {
                // the label as the loop below writes it (without its word fast path): running that loop for one
                // column here instead, a row-dependent bound, made the second pass on churn data about 10% slower
                if (used < asBytesFrom[0]) {
                    out.write(values[0][rows.token()]); // the label and its comma
                } else {
                    rows.copyBytes(out, (byte) ',');
                }
                rows.copyBytes(out, (byte) '\n'); // the features as written, commas included
                continue;
            }
            // room for every cell of the row as a token read and a word written, checked once (and after a cell
            // of bytes, which may take any room): about 3% off this pass on churn data
            int cells = last + 1;
            rows.makeRoom(cells * RowSpill.MAX_VARINT);
            out.makeRoom(cells * Long.BYTES);
            for (int k = 0; k <= last; k++) {
                if (used < asBytesFrom[k]) {
                    int token = rows.tokenInRoom();
                    long word = words[k][token]; // the encoded value with its comma or newline
                    if (word >= 0) {
                        out.writeWordInRoom(word);
                    } else {
                        out.write(values[k][token]);
                        out.makeRoom(cells * Long.BYTES);
                    }
                } else {
                    rows.copyBytes(out, k == last ? (byte) '\n' : (byte) ',');
                    if (k < last) { // (after the last cell of the last row, the spill has no more bytes to read)
                        rows.makeRoom(cells * RowSpill.MAX_VARINT);
                        out.makeRoom(cells * Long.BYTES);
                    }
                }
            }
        }
        return to.flush();
    }

    /** Reads the CSV again and writes its rows; returns the number of rows written to validation. */
    long write(InputStream in, OutputStream train, OutputStream validation) throws IOException {
        Destinations to = new Destinations(train, validation);
        CsvParser csv = new CsvParser(in);
        long used = 0;
        try {
            csv.next(); // the header, checked by the first pass
            while (csv.next()) {
                if (csv.isMissing(plan.targetIndex)) {
                    continue;
                }
                writeRow(csv, to.of(used++));
            }
        } catch (CsvFormatException e) {
            throw new DataValidationError("the file changed between the two reads: " + e.getMessage());
        }
        return to.flush();
    }

    private void writeRow(CsvParser csv, CsvOutput out) throws IOException {
        plan.target.write(csv, plan.targetIndex, out);
        int[] columns = plan.featureColumns;
        for (int f = 0; f < columns.length; f++) {
            out.write((byte) ',');
            int column = columns[f];
            if (csv.isMissing(column)) {
                continue;
            }
            CategoryCodes codes = plan.categoryCodes[f];
            if (codes == null) {
                csv.copyTo(column, out);
            } else {
                out.write(codes.code(csv, column));
            }
        }
        out.write((byte) '\n');
    }

    /** The train and validation outputs, and which of them a used row goes to. */
    private final class Destinations {
        /** Train, then validation: indexed by {@link Split#validation}. */
        private final CsvOutput[] outputs;
        private long validationRows;

        Destinations(OutputStream train, OutputStream validation) {
            this.outputs = new CsvOutput[] {new CsvOutput(train), new CsvOutput(validation)};
        }

        /** The output of the used row with index {@code used}. */
        CsvOutput of(long used) {
            int validation = split.validation(used);
            validationRows += validation;
            return outputs[validation];
        }

        /** Passes everything on; returns the number of rows written to validation. */
        long flush() throws IOException {
            for (CsvOutput output : outputs) {
                output.flush();
            }
            return validationRows;
        }
    }
}
