package io.mlpipe.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * JSONata's $now() and $millis() in Step Functions: "all invocations of $now() within an
 * evaluation of an expression return the same timestamp", and each evaluation reads the time anew
 * — from the engine's clock, so executions started later see later times.
 */
class JsonataNowReadsTheEngineClockTest {
    private static final String DEFINITION = """
            {"QueryLanguage": "JSONata", "StartAt": "Stamp", "States": {
              "Stamp": {"Type": "Pass", "End": true,
                        "Output": "{% {'now': $now(), 'again': $now(), 'millis': $millis(), 'day': $now('[Y0001]-[M01]-[D01]')} %}"}}}
            """;

    @Test
    void eachExecutionSeesTheClockAtItsOwnEvaluation() {
        AtomicLong clock = new AtomicLong(1_764_138_027_402L); // 2025-11-26T06:20:27.402Z
        AslEngine engine = new AslEngine(EngineConfig.defaults().withTime(clock::get).withWaitScale(0));
        StateMachineDefinition definition = StateMachineDefinition.parse(DEFINITION);

        JsonNode first = engine.run(definition, ExecutionRequest.of("first", Json.object()), ExecutionListener.NONE).output();
        clock.addAndGet(4_000);
        JsonNode second = engine.run(definition, ExecutionRequest.of("second", Json.object()), ExecutionListener.NONE).output();

        assertEquals("2025-11-26T06:20:27.402Z", first.path("now").asText());
        assertEquals(first.path("now"), first.path("again"));
        assertEquals(1_764_138_027_402L, first.path("millis").asLong());
        assertEquals("2025-11-26", first.path("day").asText());
        assertEquals("2025-11-26T06:20:31.402Z", second.path("now").asText());
        assertEquals(1_764_138_031_402L, second.path("millis").asLong());
    }
}
