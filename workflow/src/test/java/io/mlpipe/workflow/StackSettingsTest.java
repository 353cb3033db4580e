package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Stack settings from context: defaults, and early refusal of bad values. */
class StackSettingsTest {

    private static StackSettings settings(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        return StackSettings.fromContext(app.getNode(), SynthesizedStack.ROOT);
    }

    @Test
    void defaults() {
        StackSettings settings = settings(Map.of());
        assertEquals(Optional.empty(), settings.alarmEmail());
        assertEquals(RemovalPolicy.RETAIN, settings.removalPolicy());
        assertEquals(RetentionDays.ONE_MONTH, settings.logRetention());
        assertEquals(30, settings.inferenceLogTtlDays());
        assertEquals(50, settings.apiThrottleRateLimit());
        assertEquals(100, settings.apiThrottleBurstLimit());
        assertTrue(settings.preprocessJar().endsWith(StackSettings.DEFAULT_PREPROCESS_JAR));
        assertTrue(settings.inferenceJar().endsWith(StackSettings.DEFAULT_INFERENCE_JAR));
    }

    @Test
    void readsCommandLineStringsAndCdkJsonNumbers() {
        StackSettings settings = settings(Map.of("mlpipe:alarmEmail", "ops@example.com", "mlpipe:removalPolicy", "destroy",
                "mlpipe:logRetentionDays", "90", "mlpipe:inferenceLogTtlDays", 7));
        assertEquals(Optional.of("ops@example.com"), settings.alarmEmail());
        assertEquals(RemovalPolicy.DESTROY, settings.removalPolicy());
        assertEquals(RetentionDays.THREE_MONTHS, settings.logRetention());
        assertEquals(7, settings.inferenceLogTtlDays());
    }

    @Test
    void refusesBadValuesWithTheKeyInTheMessage() {
        for (var bad : Map.of("mlpipe:alarmEmail", "not-an-email", "mlpipe:removalPolicy", "snapshot",
                "mlpipe:logRetentionDays", "31", "mlpipe:inferenceLogTtlDays", "0", "mlpipe:apiThrottleRateLimit", "1.5",
                "mlpipe:preprocessJar", "no/such.jar", "mlpipe:inferenceJar", "no/such.jar").entrySet()) {
            var error = assertThrows(IllegalArgumentException.class, () -> settings(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(error.getMessage().contains(bad.getKey().substring("mlpipe:".length()))
                    || error.getMessage().contains("no/such.jar"), error.getMessage());
        }
    }
}
