package io.mlpipe.tasks.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training job names always fit SageMaker's rule; the split is stable and close to the fraction. */
class NamingAndSplittingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"m", "churn", "a-b-c", "abcdefghij-abcdefghij-abcdefghij-abcdefg", "abcdefghijabcdefghijabcdefghijabc-defgh"})
    void trainingJobNamesFitSageMaker(String model) {
        String name = TrainingJobNames.of(model, "r-1", NOW);
        assertTrue(name.length() <= 63, name);
        assertTrue(name.matches("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"), name);
        assertTrue(name.matches("^mlpipe-[a-z0-9-]*[a-z0-9]-20261126050000-[0-9a-f]{6}$"), name);
    }

    @Test
    void differentRunsGetDifferentNames() {
        assertTrue(!TrainingJobNames.of("m", "r-1", NOW).equals(TrainingJobNames.of("m", "r-2", NOW)));
    }

    @Test
    void splitIsStableAndNearTheFraction() {
        Split split = new Split(0.2);
        int validation = 0;
        for (long i = 0; i < 100_000; i++) {
            validation += split.validation(i);
            assertEquals(split.validation(i), new Split(0.2).validation(i));
        }
        assertTrue(validation > 19_500 && validation < 20_500, "validation rows " + validation);
    }
}
