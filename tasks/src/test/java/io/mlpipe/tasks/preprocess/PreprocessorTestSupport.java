package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.io.ObjectStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The state machine's input for a drop of {@code incoming/<model>/data.csv}, and a preprocessor at a fixed time. */
final class PreprocessorTestSupport {
    static final String BUCKET = "mlpipe-data-123456789012";
    static final String RUN = "r-5f1c2a9e0b7d4c3a";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);

    private PreprocessorTestSupport() {
    }

    static Map<String, Object> input(String model) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("bucket", BUCKET);
        input.put("key", key(model));
        input.put("model", model);
        input.put("runId", RUN);
        input.put("executionName", model + "-2026-11-26-0500");
        return input;
    }

    static String key(String model) {
        return "incoming/" + model + "/data.csv";
    }

    static Map<String, Object> preprocess(InMemoryObjectStore store, String model) {
        return new Preprocessor(store, CLOCK).preprocess(input(model));
    }

    static Map<String, Object> preprocess(ObjectStore store, String model, SecondPass secondPass) {
        Preprocessor preprocessor = secondPass == SecondPass.FROM_SPILL ? new Preprocessor(store, CLOCK)
                : Preprocessor.readingTheCsvTwice(store, CLOCK);
        return preprocessor.preprocess(input(model));
    }

    /** Where the second pass reads the rows: the first pass's spill (the default), or the CSV again (no room for it). */
    enum SecondPass { FROM_SPILL, FROM_CSV_AGAIN }

    /** A CSV with a header and {@code rows} data rows of two numeric features and a yes/no target. */
    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("age,income,target\n");
        for (int i = 0; i < rows; i++) {
            csv.append(20 + i % 50).append(',').append(1000 + 37 * i).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }
}
