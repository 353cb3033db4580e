package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;
import io.mlpipe.engine.spi.ServiceIntegration;

import java.util.concurrent.atomic.AtomicLong;

/** Test helpers: run a definition (or a single state) on a deterministic engine. */
final class Asl {
    private Asl() {}

    /** Randomness that repeats: 0.5 for every double, counting UUIDs. */
    static Entropy fixedEntropy() {
        AtomicLong n = new AtomicLong();
        return new Entropy() {
            public double nextDouble() { return 0.5; }

            public String uuid() { return String.format("00000000-0000-4000-8000-%012d", n.incrementAndGet()); }
        };
    }

    static AslEngine engine(ServiceIntegration integration) {
        return new AslEngine(new EngineConfig(integration, () -> 1_700_000_000_000L, fixedEntropy(), 0, "us-east-1", null));
    }

    static JsonNode json(String text) { return Json.parse(text); }

    /** {"StartAt":"S","States":{"S": state}} with End: true added when the state needs it. */
    static JsonNode wrap(JsonNode state) {
        ObjectNode s = state.deepCopy();
        String type = s.path("Type").asText();
        if (!s.has("Next") && !s.has("End") && !type.equals("Choice") && !type.equals("Succeed") && !type.equals("Fail")) s.put("End", true);
        ObjectNode def = Json.object();
        def.put("StartAt", "S");
        def.putObject("States").set("S", s);
        return def;
    }

    static ExecutionResult run(JsonNode definition, JsonNode input, ServiceIntegration integration) {
        return engine(integration).run(StateMachineDefinition.parse(definition), ExecutionRequest.of("test", input), ExecutionListener.NONE);
    }

    static ExecutionResult run(String definition, String input) {
        return run(json(definition), json(input), ServiceIntegration.none());
    }
}
