package io.mlpipe.bench.inference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.tasks.features.FeatureSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the in-process cases need of the deployed model, kept in a folder so a forked JMH JVM can read them: the
 * champion item of the models table, the run's features.json and the xgboost-model file from model.tar.gz.
 */
record ModelFiles(Map<String, Object> champion, byte[] featuresJson, byte[] boosterFile) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    FeatureSpec spec() {
        try {
            return FeatureSpec.fromJson(featuresJson);
        } catch (IOException e) {
            throw new IllegalStateException("features.json of the deployed model does not read: " + e.getMessage(), e);
        }
    }

    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        MAPPER.writeValue(folder.resolve("champion.json").toFile(), champion);
        Files.write(folder.resolve("features.json"), featuresJson);
        Files.write(folder.resolve("xgboost-model"), boosterFile);
        return folder;
    }

    static ModelFiles read(Path folder) throws IOException {
        return new ModelFiles(MAPPER.readValue(folder.resolve("champion.json").toFile(), new TypeReference<>() { }),
                Files.readAllBytes(folder.resolve("features.json")), Files.readAllBytes(folder.resolve("xgboost-model")));
    }
}
