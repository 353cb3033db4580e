package io.mlpipe.twin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a target receives for each way of shaping the input. */
class TargetInputTest {
    private static final String EVENT = """
            {"version":"0","id":"e-1","detail-type":"Object Created","source":"aws.s3","time":"2026-11-26T00:00:00Z",
             "resources":["arn:aws:s3:::b"],
             "detail":{"bucket":{"name":"b"},"object":{"key":"incoming/m/a \\"q\\".csv","size":13,"tags":["x","y"]}}}
            """;

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of(Json.object().put("Input", "{\"fixed\":1}"), "{\"fixed\":1}"),
                Arguments.of(Json.object().put("InputPath", "$.detail.bucket"), "{\"name\":\"b\"}"),
                Arguments.of(Json.object().put("InputPath", "$.resources[0]"), "\"arn:aws:s3:::b\""),
                Arguments.of(Json.object().put("InputPath", "$.detail['object'].size"), "13"),
                Arguments.of(transformer("{\"key\": <k>, \"size\": <s>}", "k", "$.detail.object.key", "s", "$.detail.object.size"),
                        "{\"key\": \"incoming/m/a \\\"q\\\".csv\", \"size\": 13}"),
                Arguments.of(transformer("\"got <k> in <b>\"", "k", "$.detail.object.key", "b", "$.detail.bucket.name"),
                        "\"got incoming/m/a \\\"q\\\".csv in b\""),
                Arguments.of(transformer("{\"t\": <t>, \"n\": <n>, \"in\": \"<n>\"}", "t", "$.detail.object.tags", "n", "$.detail.none"),
                        "{\"t\": [\"x\",\"y\"], \"n\": null, \"in\": \"\"}"),
                Arguments.of(transformer("{\"rule\": \"<aws.events.rule-name>\", \"source\": <aws.events.event.json>}"),
                        "{\"rule\": \"r\", \"source\": " + EVENT.replaceAll("\\s*\\n\\s*", "") + "}"),
                Arguments.of(transformer("<not-a-variable> stays"), "<not-a-variable> stays"),
                Arguments.of(Json.object(), EVENT.replaceAll("\\s*\\n\\s*", "")));
    }

    private static ObjectNode transformer(String template, String... paths) {
        ObjectNode target = Json.object();
        ObjectNode transformer = target.putObject("InputTransformer").put("InputTemplate", template);
        ObjectNode map = transformer.putObject("InputPathsMap");
        for (int i = 0; i < paths.length; i += 2) {
            map.put(paths[i], paths[i + 1]);
        }
        return target;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shapesTheInput(ObjectNode target, String expected) throws Exception {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(EVENT);
        String input = TargetInput.of(target, event, "r", "arn:aws:events:us-east-1:000000000000:rule/r");
        if (expected.startsWith("{") && !expected.contains("stays")) {
            assertEquals(Json.MAPPER.readTree(expected), Json.MAPPER.readTree(input), input);
        } else {
            assertEquals(expected, input);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$.a.b|2", "$.l[1]|\"y\"", "$['a']['b']|2", "$.a.none|"})
    void selectsWithEventBridgesJsonPathSubset(String path, String expected) throws Exception {
        var selected = JsonPaths.select(Json.MAPPER.readTree("{\"a\":{\"b\":2},\"l\":[\"x\",\"y\"]}"), path);
        assertEquals(expected == null ? "" : expected, selected.isMissingNode() ? "" : selected.toString());
    }
}
