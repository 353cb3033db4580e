package io.mlpipe.tasks.preprocess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * {@code mlpipe-<model>-<yyyyMMddHHmmss>-<6 hex of the run id>}. SageMaker allows 63 characters, so the model
 * part is cut to 34 (a 40-character model name would otherwise make 69).
 */
final class TrainingJobNames {
    static final int MAX_LENGTH = 63;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int FIXED = "mlpipe-".length() + 1 + 14 + 1 + 6;

    private TrainingJobNames() {
    }

    static String of(String model, String runId, Instant now) {
        String modelPart = model.length() > MAX_LENGTH - FIXED ? model.substring(0, MAX_LENGTH - FIXED) : model;
        modelPart = modelPart.replaceAll("-+$", "");
        return "mlpipe-" + modelPart + "-" + TIME.format(now) + "-" + shortHash(runId);
    }

    private static String shortHash(String runId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
