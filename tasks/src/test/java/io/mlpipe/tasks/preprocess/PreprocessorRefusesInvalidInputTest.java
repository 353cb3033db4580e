package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.io.ObjectStore;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.preprocess.PreprocessorTestSupport.SecondPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.BUCKET;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.csv;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.input;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad data or configuration fails with the error name the state machine catches and a message
 * that says where the problem is and what to do; nothing is written for a refused file.
 */
class PreprocessorRefusesInvalidInputTest {

    static Stream<Arguments> badData() {
        return Stream.of(
                bad("empty file", "", "the file is empty"),
                bad("only spaces and newlines", "\n\n\n", "the file is empty"),
                bad("header only", "age,income,target\n", "a header but no data rows"),
                bad("single row", "age,income,target\n30,1000,yes\n", "the file has 1 data row with a 'target' value; at least 20 are needed"),
                bad("too few rows", csv(19), "the file has 19 data rows"),
                bad("missing target column", csv(30).replace("target", "label"),
                        "there is no target column 'target' in the header (columns: age, income, label)",
                        "set \"target\" in s3://" + BUCKET + "/config/m.json"),
                bad("stray text in a numeric column", csv(60).replace("\n36,", "\nfourty,"),
                        "row 17 (line 18), column 'age': expected a number, got 'fourty' (1 of 60 values in this column is not a number)",
                        "fix the value or make the whole column text"),
                bad("ragged row", csv(30).replace("\n24,1148,no\n", "\n24,no\n"),
                        "row 5 (line 6) has 2 values but the header has 3 columns"),
                bad("extra value in a row", csv(30).replace("\n24,1148,no\n", "\n24,1148,no,x\n"),
                        "row 5 (line 6) has 4 values but the header has 3 columns"),
                bad("truncated mid-row", csv(30) + "50,11", "row 31 (line 32) has 2 of 3 values", "looks truncated"),
                bad("truncated inside a quoted value", csv(30) + "50,\"11", "line 32", "never closed", "looks truncated"),
                bad("column empty in every row", csv(30).replace("age,", "age,notes,").replaceAll("\n(\\d+),", "\n$1,,"),
                        "column 'notes' is empty in every row"),
                bad("header is data", csv(30).replace("age,income,target", "1,2,3"), "line 1 looks like data, not column names"),
                bad("header without a name", csv(30).replace("age,income", "age,"), "column 2 has no name"),
                bad("duplicate column", csv(30).replace("age,income", "age,age"), "the column name 'age' appears twice"),
                bad("target with a single value", csv(30).replace(",yes\n", ",no\n"), "the target column 'target' has the same value 'no' in every row"),
                bad("identifier column", identifiers(), "column 'email' has more than 1000 different text values"),
                badBytes("binary garbage", "a,target\n1,2\n\0\1\2\3\n".getBytes(StandardCharsets.ISO_8859_1), "line 3: binary data (byte 0x00)"),
                badBytes("gzip file", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, "binary data", "not a text CSV"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badData")
    void badDataIsADataValidationError(String name, byte[] data, String[] expected) {
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), data);
        DataValidationError error = assertThrows(DataValidationError.class,
                () -> new Preprocessor(store, PreprocessorTestSupport.CLOCK).preprocess(input("m")));
        for (String fragment : expected) {
            assertTrue(error.getMessage().contains(fragment), () -> "'" + error.getMessage() + "' should contain '" + fragment + "'");
        }
        assertFalse(store.exists(BUCKET, "processed/m/" + PreprocessorTestSupport.RUN + "/features.json"));
    }

    static Stream<Arguments> badConfig() {
        return Stream.of(
                Arguments.of("not JSON", "{\"target\": ", new String[] {"config/m.json is not valid JSON (line 1"}),
                Arguments.of("unknown field", "{\"targt\": \"y\"}", new String[] {"does not match the model-config schema", "targt"}),
                Arguments.of("unknown metric", "{\"metric\": {\"name\": \"accuracy\"}}", new String[] {"/metric/name"}),
                Arguments.of("objective set by hand", "{\"hyperparameters\": {\"objective\": \"reg:linear\"}}", new String[] {"/hyperparameters"}),
                Arguments.of("metric for another problem type", "{\"metric\": {\"name\": \"rmse\"}}",
                        new String[] {"sets metric 'rmse', which does not fit binary_classification; use one of auc, logloss, error"}),
                Arguments.of("regression on a text target", "{\"problemType\": \"regression\"}",
                        new String[] {"sets problemType regression, but the target column 'target' holds text (e.g. 'yes')"}),
                Arguments.of("multiclass declared binary", "{\"problemType\": \"binary_classification\", \"target\": \"age\"}",
                        new String[] {"has 50 different values"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfig")
    void badConfigurationIsAConfigValidationError(String name, String config, String[] expected) {
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key("m"), csv(60)).put(BUCKET, "config/m.json", config);
        ConfigValidationError error = assertThrows(ConfigValidationError.class,
                () -> new Preprocessor(store, PreprocessorTestSupport.CLOCK).preprocess(input("m")));
        for (String fragment : expected) {
            assertTrue(error.getMessage().contains(fragment), () -> "'" + error.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    static Stream<Arguments> changedBetweenTheReads() {
        return Stream.of(
                Arguments.of("a feature value", "colour,target\n" + "red,yes\nblue,no\n".repeat(15), "blue,no", "green,no"),
                Arguments.of("a text label", "colour,target\n" + "red,yes\nblue,no\n".repeat(15), "blue,no", "blue,maybe"),
                Arguments.of("a numeric label", "x,target\n" + "1,0\n2,1\n".repeat(15), "2,1", "2,2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedBetweenTheReads")
    void aFileThatChangesBetweenTheTwoReadsIsRefusedAndWritesNothing(String what, String first, String from, String to) {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        ObjectStore store = changingAfterTheFirstRead(objects, first, first.replace(from, to), new int[1]);
        DataValidationError error = assertThrows(DataValidationError.class,
                () -> PreprocessorTestSupport.preprocess(store, "m", SecondPass.FROM_CSV_AGAIN));
        assertTrue(error.getMessage().contains("the file changed while it was being preprocessed"), error.getMessage());
        assertFalse(objects.exists(BUCKET, "processed/m/" + PreprocessorTestSupport.RUN + "/train/train.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedBetweenTheReads")
    void withTheSpillTheFileIsReadOnceSoAChangeCannotMixTwoVersions(String what, String first, String from, String to)
            throws IOException {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        int[] opens = new int[1];
        ObjectStore store = changingAfterTheFirstRead(objects, first, first.replace(from, to), opens);
        PreprocessorTestSupport.preprocess(store, "m", SecondPass.FROM_SPILL);
        assertEquals(1, opens[0]);

        InMemoryObjectStore unchanged = new InMemoryObjectStore().put(BUCKET, key("m"), first);
        PreprocessorTestSupport.preprocess(unchanged, "m", SecondPass.FROM_CSV_AGAIN);
        String train = "processed/m/" + PreprocessorTestSupport.RUN + "/train/train.csv";
        assertEquals(unchanged.text(BUCKET, train), objects.text(BUCKET, train));
    }

    /** A store whose object is {@code first} when first opened and {@code second} from then on; counts the opens. */
    private static ObjectStore changingAfterTheFirstRead(InMemoryObjectStore objects, String first, String second,
                                                         int[] opens) {
        return new ObjectStore() {
            @Override
            public InputStream open(String bucket, String key, String versionId) {
                return new ByteArrayInputStream((opens[0]++ == 0 ? first : second).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Optional<byte[]> readIfExists(String bucket, String key) {
                return objects.readIfExists(bucket, key);
            }

            @Override
            public OutputStream create(String bucket, String key) {
                return objects.create(bucket, key);
            }
        };
    }

    @org.junit.jupiter.api.Test
    void aMissingObjectIsADataNotFoundError() {
        DataNotFoundError error = assertThrows(DataNotFoundError.class,
                () -> new Preprocessor(new InMemoryObjectStore(), PreprocessorTestSupport.CLOCK).preprocess(input("m")));
        assertEquals("s3://" + BUCKET + "/incoming/m/data.csv does not exist (deleted or renamed after the upload?); "
                + "upload the file again under incoming/m/", error.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anInputThatBreaksTheSchemaIsAnInputValidationError() {
        Map<String, Object> input = input("m");
        input.put("model", "Not_A_Model");
        input.remove("runId");
        InputValidationError error = assertThrows(InputValidationError.class,
                () -> new Preprocessor(new InMemoryObjectStore(), PreprocessorTestSupport.CLOCK).preprocess(input));
        assertTrue(error.getMessage().contains("/model") && error.getMessage().contains("runId"), error.getMessage());
    }

    private static Arguments bad(String name, String csv, String... expected) {
        return badBytes(name, csv.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Arguments badBytes(String name, byte[] data, String... expected) {
        return Arguments.of(name, data, expected);
    }

    private static String identifiers() {
        StringBuilder csv = new StringBuilder("email,age,target\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("user").append(i).append("@example.com,").append(i % 90).append(',').append(i % 2).append('\n');
        }
        return csv.toString();
    }
}
