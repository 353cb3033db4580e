package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.preprocess.PreprocessorTestSupport.SecondPass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.BUCKET;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.RUN;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.key;
import static io.mlpipe.tasks.preprocess.PreprocessorTestSupport.preprocess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preprocess outputs (training CSVs, features.json, stats.json) of generated files with every kind of value
 * the reader and the profiler treat specially stay byte for byte what they were when the expected files under
 * preprocess-golden/ were written, whether the second pass reads the first one's spill or the CSV again: speed work
 * on the hot loops must not change a byte. (stats.json's means were last rewritten when sums became per distinct
 * value, count times value, which moved their last digits.) To rewrite them after a
 * deliberate change of output, run this test with {@code -Dpreprocess.golden.write=src/test/resources/preprocess-golden}.
 */
class PreprocessorOutputStaysByteIdenticalTest {
    private static final String[] OUTPUTS = {"train/train.csv", "validation/validation.csv", "features.json", "stats.json"};

    @ParameterizedTest(name = "{0}, second pass {1}")
    @CsvSource({"mixed, FROM_SPILL", "multiclass, FROM_SPILL", "regression, FROM_SPILL",
            "mixed, FROM_CSV_AGAIN", "multiclass, FROM_CSV_AGAIN", "regression, FROM_CSV_AGAIN"})
    void outputsMatchTheRecordedBytes(String model, SecondPass secondPass) throws IOException {
        InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key(model), csv(model));
        if (model.equals("regression")) {
            store.put(BUCKET, "config/" + model + ".json", "{\"target\": \"price\"}");
        }
        preprocess(store, model, secondPass);

        String write = System.getProperty("preprocess.golden.write");
        for (String output : OUTPUTS) {
            byte[] actual = store.bytes(BUCKET, "processed/" + model + "/" + RUN + "/" + output);
            String expected = "preprocess-golden/" + model + "/" + output.substring(output.lastIndexOf('/') + 1);
            if (write != null) {
                Path file = Path.of(write, model, output.substring(output.lastIndexOf('/') + 1));
                Files.createDirectories(file.getParent());
                Files.write(file, actual);
                continue;
            }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(expected)) {
                assertNotNull(in, expected + " is missing");
                assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                        model + ": " + output);
            }
        }
    }

    @Test
    void aSpillOfSeveralMegabytesWritesWhatASecondReadOfTheCsvWrites() {
        // 300k rows spill about 3 MB: several of the spill's 1 MiB reads, so rows cross from one read to the next
        String csv = PreprocessorTestSupport.csv(300_000);
        Map<SecondPass, String> train = trainingDataBothWays("big", csv, null);
        assertEquals(train.get(SecondPass.FROM_CSV_AGAIN).length(), train.get(SecondPass.FROM_SPILL).length());
        assertTrue(train.get(SecondPass.FROM_CSV_AGAIN).equals(train.get(SecondPass.FROM_SPILL)),
                "the spill's training data differs from the CSV's");
    }

    @Test
    void longValuesBesideCategoriesFillTheSpillsBufferAnywhere() {
        // long values (numbers of 20 to 270 digits, past the vocabulary) beside categories, over many of the spill's
        // 1 MiB buffers and the outputs' 64 KiB ones: both passes make room for a row's short cells once, and a long
        // value takes more (RowSpillKeepsRowsWithinItsBudgetTest pins each offset of one at the buffer's end)
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("id,c1,c2,c3,c4,c5,c6,target\n");
        for (int row = 0; row < 120_000; row++) {
            csv.append(digits(random, 20 + random.nextInt(250)));
            for (int c = 1; c <= 6; c++) {
                csv.append(',').append((char) ('a' + random.nextInt(3)));
            }
            csv.append(',').append(random.nextBoolean() ? "yes" : "no").append('\n');
        }
        Map<SecondPass, String> train = trainingDataBothWays("long", csv.toString(), null);
        assertTrue(train.get(SecondPass.FROM_CSV_AGAIN).equals(train.get(SecondPass.FROM_SPILL)),
                "the spill's training data differs from the CSV's");
    }

    @Test
    void randomFilesWriteTheSameTrainingDataFromTheSpillAsFromTheCsv() {
        // columns whose vocabulary fills up at a random row (their later cells spilled as bytes, some past the spill's
        // 1 MiB buffer), values of 1 to 9 bytes around the 7 that fit a word with their comma, text categories,
        // missing spellings, blanks and quotes, a yes/no or a numeric target (itself spilled as bytes once it has
        // more than the vocabulary's values)
        String[] missing = {"", "NA", "n/a", "NaN", "null", " "};
        String[] categories = {"a", "bb", "ccc", "dddddd", "eeeeeee", "ffffffff", "\"g, h\""};
        for (int seed = 0; seed < 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int rows = random.nextInt(30, seed % 4 == 0 ? 30_000 : 3000);
            int[] kinds = new int[random.nextInt(1, 8)];
            int[] fullFrom = new int[kinds.length];
            StringBuilder csv = new StringBuilder();
            for (int f = 0; f < kinds.length; f++) {
                kinds[f] = random.nextInt(4);
                fullFrom[f] = random.nextInt(rows);
                csv.append('f').append(f).append(',');
            }
            boolean regression = random.nextBoolean();
            csv.append(regression ? "price" : "target").append('\n');
            String[] few = new String[20];
            for (int i = 0; i < few.length; i++) {
                few[i] = digits(random, 1 + random.nextInt(9));
            }
            for (int row = 0; row <= rows; row++) {
                for (int f = 0; f < kinds.length; f++) {
                    String value = row == rows ? (kinds[f] == 2 ? "a" : "0." + digits(random, (1 << 20) + random.nextInt(100)))
                            : random.nextInt(15) == 0 ? missing[random.nextInt(missing.length)]
                            : switch (kinds[f]) {
                                case 0 -> few[random.nextInt(few.length)];
                                case 1 -> row < fullFrom[f] ? few[random.nextInt(few.length)]
                                        : digits(random, random.nextInt(300) == 0 ? random.nextInt(20, 3000) : 1 + random.nextInt(20));
                                case 2 -> categories[random.nextInt(categories.length)];
                                default -> (random.nextBoolean() ? "-" : "") + digits(random, 1 + random.nextInt(18))
                                        + (random.nextBoolean() ? "." + digits(random, random.nextInt(1, 9)) : "");
                            };
                    if (random.nextInt(40) == 0 && !value.isEmpty() && !value.startsWith("\"")) {
                        value = " " + value + "\t";
                    } else if (random.nextInt(60) == 0 && !value.startsWith("\"")) {
                        value = "\"" + value + "\"";
                    }
                    csv.append(value).append(',');
                }
                String label = random.nextInt(50) == 0 ? "" : regression ? digits(random, 1 + random.nextInt(8))
                        : random.nextBoolean() ? "yes" : "no";
                csv.append(row == rows ? (regression ? "5" : "yes") : label).append('\n');
            }
            Map<SecondPass, String> written = trainingDataBothWays("fuzz", csv.toString(), regression ? "price" : null);
            assertTrue(written.get(SecondPass.FROM_CSV_AGAIN).equals(written.get(SecondPass.FROM_SPILL)),
                    "seed " + seed + ": the spill's training data differs from the CSV's");
        }
    }

    /**
     * Preprocesses {@code csv} as model {@code model} once per second pass (a target other than the default when
     * {@code target} is not null); per pass, the training then the validation CSV, with a line "--" between them
     * (each row ends with a newline).
     */
    private static Map<SecondPass, String> trainingDataBothWays(String model, String csv, String target) {
        Map<SecondPass, String> written = new EnumMap<>(SecondPass.class);
        for (SecondPass secondPass : SecondPass.values()) {
            InMemoryObjectStore store = new InMemoryObjectStore().put(BUCKET, key(model), csv);
            if (target != null) {
                store.put(BUCKET, "config/" + model + ".json", "{\"target\": \"" + target + "\"}");
            }
            preprocess(store, model, secondPass);
            String prefix = "processed/" + model + "/" + RUN + "/";
            written.put(secondPass, store.text(BUCKET, prefix + "train/train.csv") + "--\n"
                    + store.text(BUCKET, prefix + "validation/validation.csv"));
        }
        return written;
    }

    private static String digits(SplittableRandom random, int length) {
        char[] digits = new char[length];
        digits[0] = (char) ('1' + random.nextInt(9));
        for (int i = 1; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    @ParameterizedTest(name = "target column {0}")
    @ValueSource(strings = {"first", "last", "middle"})
    void rowsOfFeaturesKeptAsOneBlockWriteWhatASecondReadOfTheCsvWrites(String where) {
        // five numeric features with more distinct values than a vocabulary holds, so from row ~1,100 a row's
        // features are kept as one block, unless one is missing, quoted or padded (then cell by cell)
        SplittableRandom random = new SplittableRandom(where.hashCode());
        int features = 5;
        int target = where.equals("first") ? 0 : where.equals("last") ? features : 2;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c <= features; c++) {
            csv.append(c == 0 ? "" : ",").append(c == target ? "target" : "f" + c);
        }
        csv.append('\n');
        for (int row = 0; row < 20_000; row++) {
            for (int c = 0; c <= features; c++) {
                csv.append(c == 0 ? "" : ",");
                if (c == target) {
                    csv.append(random.nextInt(2));
                    continue;
                }
                String value = String.format(Locale.ROOT, "%.4f", random.nextDouble(-100, 100));
                csv.append(switch (random.nextInt(60)) {
                    case 0 -> "";
                    case 1 -> "NA";
                    case 2 -> "\"" + value + "\"";
                    case 3 -> " " + value;
                    case 4 -> value + "\t";
                    default -> value;
                });
            }
            csv.append(random.nextInt(30) == 0 ? "\r\n" : "\n");
        }
        Map<SecondPass, String> written = trainingDataBothWays("wide", csv.toString(), null);
        assertEquals(20_000, written.get(SecondPass.FROM_SPILL).lines().filter(line -> !line.equals("--")).count());
        assertTrue(written.get(SecondPass.FROM_CSV_AGAIN).equals(written.get(SecondPass.FROM_SPILL)),
                "the spill's training data differs from the CSV's");
    }

    /** A seeded file of 2000 rows mixing the spellings the reader and the profiler handle differently. */
    private static String csv(String model) {
        SplittableRandom random = new SplittableRandom(model.hashCode());
        String[] missing = {"", "NA", "n/a", "NaN", "null", "NULL", " ", "na"};
        String[] plans = {"basic", "premium", "\"pro, annual\"", "enterprise-with-a-long-name", "Basic", " basic ", "\"a \"\"quoted\"\" plan\""};
        StringBuilder csv = new StringBuilder(model.equals("regression") ? "\uFEFFsize,area,plan,big,price\r\n"
                : "age,income,plan,ratio,score,target\n");
        for (int row = 0; row < 2000; row++) {
            String newline = model.equals("regression") ? "\r\n" : "\n";
            if (model.equals("regression")) {
                csv.append(number(random, missing)).append(',').append(random.nextInt(10, 500)).append(',')
                        .append(plans[random.nextInt(plans.length)]).append(',')
                        .append(random.nextInt(5) == 0 ? "12345678901234567.5" : random.nextLong(1L << 53) + "e-3").append(',')
                        .append(random.nextInt(20) == 0 ? "" : String.format(Locale.ROOT, "%.2f", random.nextDouble(50_000, 900_000)))
                        .append(newline);
                continue;
            }
            csv.append(random.nextInt(18, 90)).append(',')
                    .append(random.nextInt(10) == 0 ? missing[random.nextInt(missing.length)] : " " + random.nextInt(100_000) + "\t")
                    .append(',').append(plans[random.nextInt(plans.length)]).append(',')
                    .append(number(random, missing)).append(',')
                    .append(random.nextBoolean() ? "+" : "-").append(random.nextInt(1000)).append('.').append(random.nextInt(10));
            String label = model.equals("multiclass")
                    ? (random.nextInt(7) == 0 ? random.nextInt(4) + ".0" : Integer.toString(random.nextInt(4)))
                    : (random.nextInt(3) == 0 ? "yes" : "no");
            csv.append(',').append(random.nextInt(50) == 0 ? missing[random.nextInt(missing.length)] : label).append(newline);
        }
        return csv.toString();
    }

    /** A number in one of the forms a numeric column may hold, or now and then a missing value. */
    private static String number(SplittableRandom random, String[] missing) {
        return switch (random.nextInt(9)) {
            case 0 -> missing[random.nextInt(missing.length)];
            case 1 -> "." + random.nextInt(1000);
            case 2 -> random.nextInt(100) + ".";
            case 3 -> random.nextInt(1, 9) + "." + random.nextInt(100) + "E" + (random.nextInt(7) - 3);
            case 4 -> "-0";
            case 5 -> Long.toString(random.nextLong());
            case 6 -> "0.1234567890123456789";
            default -> String.format(Locale.ROOT, "%.3f", random.nextDouble(-1000, 1000));
        };
    }
}
