package io.mlpipe.sagemaker.training;

import io.mlpipe.protocol.Json;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The training process's entry point: {@code java ... TrainerMain <spec.json>}. XGBoost's native code can end a
 * JVM, so it never runs in the twin's. Exit 0 with the result written; exit 2 with a failure reason written;
 * anything else (a crash) is reported by the parent from the exit code and the log.
 */
public final class TrainerMain {
    private TrainerMain() {
    }

    public static void main(String[] args) throws Exception {
        TrainingSpec spec = Json.MAPPER.readValue(Path.of(args[0]).toFile(), TrainingSpec.class);
        TrainingResult result;
        int exit = 0;
        try {
            result = new Trainer(System.out).train(spec);
        } catch (ClientError e) {
            result = TrainingResult.failed(e.failureReason());
            exit = 2;
        } catch (XGBoostError e) {
            result = TrainingResult.failed("AlgorithmError: XGBoost failed: " + firstLine(e.getMessage()));
            exit = 2;
        }
        if (result.failureReason() != null) {
            System.out.println(result.failureReason());
        }
        Json.MAPPER.writeValue(Path.of(spec.resultFile()).toFile(), result);
        System.out.flush();
        System.exit(exit);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message).trim();
    }
}
