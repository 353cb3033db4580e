package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.preprocess.PreprocessorTestSupport.SecondPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.BUCKET;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.key;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.preprocess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A value the first pass counted but the encoding has no code for (a label "-0" beside "0": two classes that are
 * the same number; a category that is not UTF-8, known by its decoded text) is refused with the DataValidationError
 * the second pass over the CSV gave, naming the first line with such a value (the label before the features), not
 * a NullPointerException while planning the spill's second pass, whichever way the second pass reads the rows.
 */
class PreprocessorRefusesAValueItCannotEncodeAsBeforeTest {

    @ParameterizedTest
    @EnumSource(SecondPass.class)
    void aNegativeZeroLabelBesideZeroIsRefusedAtItsFirstLine(SecondPass secondPass) {
        StringBuilder csv = new StringBuilder("x,target\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 7).append(',').append(i == 5 || i == 9 ? "-0" : Integer.toString(i % 2)).append('\n');
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toString());

        DataValidationError error = assertThrows(DataValidationError.class, () -> preprocess(store, "m", secondPass));

        assertEquals("line 7: the label '-0' was not in the file when it was first read: the file changed while it was"
                + " being preprocessed", error.getMessage());
        assertFalse(store.exists(BUCKET, "processed/m/" + PreprocessorTestSupport.RUN + "/features.json"));
    }

    @ParameterizedTest
    @EnumSource(SecondPass.class)
    void theFirstLineWithAValueNotUtf8IsNamedBeforeALaterLabel(SecondPass secondPass) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("city,target\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            String label = i == 20 ? "-0" : Integer.toString(i % 2);
            byte[] city = i == 3 ? "Montr\u00e9al".getBytes(StandardCharsets.ISO_8859_1) : (i % 2 == 0 ? "Paris" : "Lyon").getBytes(StandardCharsets.US_ASCII);
            csv.writeBytes(city);
            csv.writeBytes(("," + label + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toByteArray());

        DataValidationError error = assertThrows(DataValidationError.class, () -> preprocess(store, "m", secondPass));

        assertEquals("line 5: the value 'Montr\ufffdal' was not in the file when it was first read: the file changed while"
                + " it was being preprocessed", error.getMessage());
    }
}
