package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Format;
import io.mlpipe.cli.pipeline.SampleData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The benchmark's input: {@link SampleData}'s seeded churn CSV (numeric and categorical columns, ~1% missing
 * values, a yes/no target) of about the size asked for, written once into the scratch folder and reused.
 */
final class ChurnFile {
    static final long SEED = 42;
    /** Measured over the generator's output: a churn row is about this long, header aside. */
    private static final int BYTES_PER_ROW = 35;

    private ChurnFile() {
    }

    /** The key (path below the scratch folder) of a churn CSV of about {@code bytes}. */
    static String key(BenchContext context, long bytes) throws IOException {
        long rows = Math.max(100, bytes / BYTES_PER_ROW);
        String key = "incoming/churn/churn-" + rows + "-rows.csv";
        Path file = context.scratch().resolve(key);
        if (!Files.isRegularFile(file)) {
            context.say("writing %s (about %s, seed %d) ...", key, Format.bytes(bytes), SEED);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                SampleData.writeChurn(out, rows, SEED);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return key;
    }
}
