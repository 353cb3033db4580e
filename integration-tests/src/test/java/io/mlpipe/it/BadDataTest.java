package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Files that cannot be trained on fail the execution at preprocessing with a reason naming the row and
 * column (where there is one), recorded in the runs table and in the execution's cause; nothing is trained
 * or deployed and the model's champion keeps serving.
 */
class BadDataTest extends PipelineScenario {
    /** One model with a champion per target, shared by every bad file. */
    private static final Map<Target, String> MODELS = new EnumMap<>(Target.class);
    private static final Dataset GOOD = Dataset.of(Kind.BINARY, 5, 200, 10, 0.3);

    static Stream<Arguments> badFiles() {
        String good = GOOD.csv();
        String[] lines = good.split("\n");
        List<String> strayText = new ArrayList<>(List.of(lines));
        strayText.set(17, strayText.get(17).replaceFirst("^[^,]+", "1.2x")); // row 17, column x1
        List<String> ragged = new ArrayList<>(List.of(lines));
        ragged.set(5, ragged.get(5) + ",7"); // row 5: one value too many
        byte[] garbage = new byte[2048];
        new Random(1).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        return Stream.of(
                Arguments.of("no target column", bytes(Stream.of(lines).map(line -> line.substring(0, line.lastIndexOf(',')))
                        .reduce("", (csv, line) -> csv + line + "\n")), List.of("no target column 'target'")),
                Arguments.of("stray text in a numeric column", bytes(String.join("\n", strayText) + "\n"),
                        List.of("row 17", "column 'x1'", "1.2x")),
                Arguments.of("empty", new byte[0], List.of("empty")),
                Arguments.of("header only", bytes(lines[0] + "\n"), List.of("no data rows")),
                Arguments.of("a single row", bytes(lines[0] + "\n" + lines[1] + "\n"), List.of("1 data row")),
                Arguments.of("ragged rows", bytes(String.join("\n", ragged) + "\n"), List.of("row 5", "6 values", "5 columns")),
                Arguments.of("binary garbage", garbage, List.of("binary data")),
                Arguments.of("truncated mid-row", bytes(good.substring(0, good.length() - 12)), List.of("row 200", "truncated")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String modelWithChampion() {
        synchronized (MODELS) {
            return MODELS.computeIfAbsent(target, t -> {
                String model = PipelineUser.model("bad-data");
                Execution execution = user.awaitExecution(user.drop(model, "good.csv", GOOD.csv()));
                assertEquals("DEPLOYED", execution.output().path("status").asText(), execution.toString());
                return model;
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileFailsAtPreprocessingWithItsReasonAndTheChampionStays(String what, byte[] content, List<String> reason) {
        String model = modelWithChampion();
        Map<String, AttributeValue> champion = user.champion(model).orElseThrow();
        String config = user.endpointConfig(model);
        int trainingJobs = user.trainingJobs(model).size();

        String key = user.drop(model, what.replace(' ', '-') + ".csv", content);
        Execution execution = user.awaitExecution(key);

        assertEquals(ExecutionStatus.FAILED, execution.status(), what);
        assertTrue(execution.error().endsWith("DataValidationError"), execution.error());
        reason.forEach(part -> assertTrue(execution.cause().contains(part), "'" + part + "' in the cause: " + execution.cause()));
        Map<String, AttributeValue> run = user.run(model, execution.arn());
        assertEquals("FAILED", s(run, "status"));
        assertEquals(execution.error(), s(run, "error"));
        reason.forEach(part -> assertTrue(s(run, "cause").contains(part), "'" + part + "' in the run's cause: " + s(run, "cause")));
        List<String> states = user.statesEntered(execution.arn());
        assertTrue(states.contains("Preprocess"), states.toString());
        assertFalse(states.contains("Train"), "nothing trained: " + states);
        assertEquals(trainingJobs, user.trainingJobs(model).size());
        assertEquals(champion, user.champion(model).orElseThrow(), "the champion is unchanged");
        assertEquals(config, user.endpointConfig(model));
    }
}
