package io.mlpipe.tasks.preprocess;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The encoded form of each value of a sorted vocabulary: its index, as the ASCII bytes written to the CSV. */
final class CategoryCodes {
    private final ByteVocabulary vocabulary;
    private final byte[][] codes;

    CategoryCodes(List<String> sortedValues) {
        this.vocabulary = new ByteVocabulary(sortedValues.size());
        this.codes = new byte[sortedValues.size()][];
        for (String value : sortedValues) {
            int index = vocabulary.add(value);
            codes[index] = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The code of the current row's value; the first pass saw every value, so it is always known. */
    byte[] code(CsvParser csv, int field) {
        byte[] code = code(csv.buffer(), csv.start(field), csv.end(field));
        if (code == null) {
            throw changedSinceFirstRead(csv, field, "value");
        }
        return code;
    }

    /** The code of the value {@code b[start, end)}, or null when it is not in the vocabulary. */
    byte[] code(byte[] b, int start, int end) {
        int index = vocabulary.indexOf(b, start, end);
        return index < 0 ? null : codes[index];
    }

    /** The second pass met a {@code what} (value, label) the first did not see: the object was replaced in between. */
    static DataValidationError changedSinceFirstRead(CsvParser csv, int field, String what) {
        return new DataValidationError("line " + csv.line() + ": the " + what + " '" + csv.text(field)
                + "' was not in the file when it was first read: the file changed while it was being preprocessed");
    }
}
