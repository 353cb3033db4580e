package io.mlpipe.sagemaker.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.tar.gz as GNU tar writes and reads it: ours opens with tar, and tar's (long names too) open with ours. */
class ModelArchiveMatchesGnuTarTest {
    @TempDir
    Path dir;

    @Test
    void gnuTarExtractsWhatWeWrite() throws Exception {
        byte[] model = new byte[1500];
        new Random(1).nextBytes(model);
        try (OutputStream out = Files.newOutputStream(dir.resolve("model.tar.gz"))) {
            TarGz.write(Map.of("xgboost-model", model), 1_764_000_000L, out);
        }
        Path extracted = Files.createDirectory(dir.resolve("out"));
        assertEquals(0, new ProcessBuilder("tar", "xzf", dir.resolve("model.tar.gz").toString(), "-C", extracted.toString())
                .inheritIO().start().waitFor());
        assertArrayEquals(model, Files.readAllBytes(extracted.resolve("xgboost-model")));
    }

    @Test
    void readsWhatGnuTarWritesIncludingLongNames() throws Exception {
        Path src = Files.createDirectory(dir.resolve("src"));
        String longName = "a-model-file-with-a-name-longer-than-the-hundred-bytes-a-plain-tar-header-has-room-for-"
                + "in-its-name-field.bin";
        Files.writeString(src.resolve("xgboost-model"), "model bytes", StandardCharsets.UTF_8);
        Files.writeString(src.resolve(longName), "other", StandardCharsets.UTF_8);
        Path tar = dir.resolve("gnu.tar.gz");
        assertEquals(0, new ProcessBuilder("tar", "czf", tar.toString(), "-C", src.toString(), ".")
                .inheritIO().start().waitFor());
        Map<String, byte[]> files;
        try (InputStream in = Files.newInputStream(tar)) {
            files = TarGz.read(in);
        }
        assertEquals("model bytes", new String(files.get("xgboost-model"), StandardCharsets.UTF_8));
        assertEquals("other", new String(files.get(longName), StandardCharsets.UTF_8));
        assertEquals(2, files.size());
    }

    @Test
    void roundTripsEmptyAndBlockSizedFiles() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarGz.write(new java.util.LinkedHashMap<>(Map.of("empty", new byte[0])), 0, out);
        assertArrayEquals(new byte[0], TarGz.read(new java.io.ByteArrayInputStream(out.toByteArray())).get("empty"));
        out.reset();
        TarGz.write(Map.of("block", new byte[512]), 0, out);
        assertEquals(512, TarGz.read(new java.io.ByteArrayInputStream(out.toByteArray())).get("block").length);
    }
}
