package io.mlpipe.tasks.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Second pass: writes every row with a target as SageMaker XGBoost CSV (label first, no header, missing values
 * as empty fields) to the train or validation stream chosen by {@link Split}.
 */
final class TrainingDataWriter {
    private final TrainingPlan plan;
    private final Split split;

    TrainingDataWriter(TrainingPlan plan, Split split) {
        this.plan = plan;
        this.split = split;
    }

    /** Returns the number of rows written to validation. */
    long write(InputStream in, OutputStream train, OutputStream validation) throws IOException {
        CsvOutput trainOut = new CsvOutput(train);
        CsvOutput validationOut = new CsvOutput(validation);
        CsvParser csv = new CsvParser(in);
        long used = 0;
        long validationRows = 0;
        try {
            csv.next(); // the header, checked by the first pass
            while (csv.next()) {
                if (csv.isMissing(plan.targetIndex)) {
                    continue;
                }
                boolean toValidation = split.isValidation(used++);
                validationRows += toValidation ? 1 : 0;
                writeRow(csv, toValidation ? validationOut : trainOut);
            }
        } catch (CsvFormatException e) {
            throw new DataValidationError("the file changed between the two reads: " + e.getMessage());
        }
        trainOut.flush();
        validationOut.flush();
        return validationRows;
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
}
