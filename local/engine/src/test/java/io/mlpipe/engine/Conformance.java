package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.TaskRequest;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Table-driven conformance cases from JSON files under src/test/resources/conformance. A case has
 * "name", then "definition" (a whole machine) or "state" (one state, wrapped as the start and end
 * state "S"), "input", optional "services" (see {@link ScriptedIntegration}), and the expectation:
 * "output" (the execution's output), or "error" (+ optional "cause" substring), or "invalid" (a
 * substring of one of the validation diagnostics). "puts" (optional) maps each S3 key written with
 * s3:putObject to the JSON of its Body; "requests" (optional) lists the parameters of every service
 * call to one resource ARN, in order: {"arn": [...]}.
 */
final class Conformance {
    private Conformance() {}

    static Stream<Arguments> cases(String file) {
        try (InputStream in = Conformance.class.getResourceAsStream("/conformance/" + file)) {
            if (in == null) throw new IllegalStateException("missing case file " + file);
            JsonNode all = Json.MAPPER.readTree(in);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : all) out.add(Arguments.of(c.get("name").asText(), c));
            return out.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson tells IntNode 7 from LongNode 7; JSON does not. */
    static JsonNode normal(JsonNode n) { return n == null ? null : Json.parse(Json.write(n)); }

    static void check(JsonNode c) {
        JsonNode definition = c.has("definition") ? c.get("definition") : Asl.wrap(c.get("state"));
        if (c.has("invalid")) {
            List<Diagnostic> problems = StateMachineDefinition.validate(Json.write(definition));
            String all = problems.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
            assertTrue(all.contains(c.get("invalid").asText()), () -> "expected a diagnostic containing '" + c.get("invalid").asText() + "', got:\n" + all);
            return;
        }
        List<Diagnostic> problems = StateMachineDefinition.validate(Json.write(definition));
        if (!problems.isEmpty()) fail("definition rejected: " + problems);
        ScriptedIntegration services = new ScriptedIntegration(c.get("services"));
        ExecutionResult r = Asl.run(definition, c.has("input") ? c.get("input") : Json.object(), services);
        if (c.has("error")) {
            assertEquals(c.get("error").asText(), r.error(), () -> "status " + r.status() + " output " + r.output() + " cause " + r.cause());
            if (c.has("cause")) assertTrue(r.cause() != null && r.cause().contains(c.get("cause").asText()), () -> "cause was: " + r.cause());
            checkCalls(c, services);
            return;
        }
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
        assertEquals(normal(c.get("output")), normal(r.output()));
        if (c.has("calls")) assertEquals(c.get("calls").asInt(), services.requests.size(), "service calls");
        checkCalls(c, services);
    }

    private static void checkCalls(JsonNode c, ScriptedIntegration services) {
        if (c.has("puts")) {
            ObjectNode puts = Json.object();
            for (TaskRequest t : services.requests) {
                if (t.action().equals("putObject")) puts.set(t.parameters().get("Key").asText(), Json.parse(t.parameters().get("Body").asText()));
            }
            assertEquals(normal(c.get("puts")), normal(puts), "objects written with s3:putObject");
        }
        if (c.has("requests")) {
            c.get("requests").fields().forEachRemaining(e -> {
                List<JsonNode> sent = services.requests.stream().filter(t -> t.resource().equals(e.getKey())).map(TaskRequest::parameters).toList();
                assertEquals(normal(e.getValue()), normal(Json.MAPPER.valueToTree(sent)), "parameters sent to " + e.getKey());
            });
        }
    }
}
