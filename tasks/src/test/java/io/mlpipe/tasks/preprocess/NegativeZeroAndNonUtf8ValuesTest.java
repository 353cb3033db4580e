package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.preprocess.PreprocessorTestSupport.SecondPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.BUCKET;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.RUN;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.key;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.preprocess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two spellings the encoding once could not place, whichever way the second pass reads the rows: a label "-0"
 * beside "0" is the class 0 (it was a second class with no code, and the run failed saying the file had changed),
 * and text that is not UTF-8 is refused where it first appears, saying so (categories and classes are JSON text
 * in features.json and in prediction requests).
 */
class NegativeZeroAndNonUtf8ValuesTest {

    @ParameterizedTest
    @EnumSource(SecondPass.class)
    void aNegativeZeroLabelIsTheClassZero(SecondPass secondPass) {
        StringBuilder csv = new StringBuilder("x,target\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 7).append(',').append(i == 5 || i == 9 ? "-0" : Integer.toString(i % 2)).append('\n');
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toString());

        Map<String, Object> output = preprocess(store, "m", secondPass);

        assertEquals("binary_classification", output.get("problemType"));
        String prefix = "processed/m/" + RUN + "/";
        String written = store.text(BUCKET, prefix + "train/train.csv") + store.text(BUCKET, prefix + "validation/validation.csv");
        assertEquals(40, written.lines().count());
        assertEquals(List.of("0", "1"), written.lines().map(line -> line.split(",")[0]).distinct().sorted().toList());
        assertFalse(store.text(BUCKET, prefix + "features.json").contains("-0"));
    }

    @ParameterizedTest
    @EnumSource(SecondPass.class)
    void aCategoryThatIsNotUtf8IsRefusedWhereItFirstAppears(SecondPass secondPass) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("city,target\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            byte[] city = i == 3 || i == 30 ? "Montr\u00e9al".getBytes(StandardCharsets.ISO_8859_1)
                    : (i % 2 == 0 ? "Paris" : "Lyon").getBytes(StandardCharsets.US_ASCII);
            csv.writeBytes(city);
            csv.writeBytes(("," + i % 2 + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv.toByteArray());

        DataValidationError error = assertThrows(DataValidationError.class, () -> preprocess(store, "m", secondPass));

        assertEquals("row 4 (line 5), column 'city': the value 'Montr\ufffdal' is not UTF-8 text (the file looks saved in"
                + " another encoding, such as Latin-1 or Windows-1252); export it as CSV UTF-8 and upload it again",
                error.getMessage());
        assertFalse(store.exists(BUCKET, "processed/m/" + RUN + "/train/train.csv"));
    }
}
