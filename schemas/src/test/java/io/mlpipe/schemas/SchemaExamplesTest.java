package io.mlpipe.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every schema has examples under {@code examples/<schema>/valid} that must validate and under
 * {@code examples/<schema>/invalid} that must be refused; a schema without both kinds fails the test.
 */
class SchemaExamplesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> validExamplesValidateAndBrokenOnesAreRefused() throws Exception {
        Path root = Path.of(SchemaExamplesTest.class.getResource("/examples").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        for (SchemaName schema : SchemaName.values()) {
            String base = schema.fileName().replace(".json", "");
            List<Path> valid = examples(root.resolve(base).resolve("valid"));
            List<Path> invalid = examples(root.resolve(base).resolve("invalid"));
            tests.add(DynamicTest.dynamicTest(base + " has valid and broken examples", () -> {
                assertFalse(valid.isEmpty(), "no valid example for " + base);
                assertFalse(invalid.isEmpty(), "no broken example for " + base);
            }));
            for (Path example : valid) {
                tests.add(DynamicTest.dynamicTest(base + " accepts " + example.getFileName(), () ->
                        assertEquals(List.of(), Schemas.shared().problems(schema, read(example)))));
            }
            for (Path example : invalid) {
                tests.add(DynamicTest.dynamicTest(base + " refuses " + example.getFileName(), () ->
                        assertFalse(Schemas.shared().problems(schema, read(example)).isEmpty())));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleFolderNamesAKnownSchema() throws URISyntaxException, IOException {
        Path root = Path.of(SchemaExamplesTest.class.getResource("/examples").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () ->
                    assertTrue(Stream.of(SchemaName.values()).anyMatch(
                            s -> s.fileName().equals(folder.getFileName() + ".json")),
                            "examples for an unknown schema: " + folder))).toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySchemaFileIsAKnownSchemaOrShared() throws URISyntaxException, IOException {
        Path folder = Path.of(SchemaExamplesTest.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
                    assertTrue(file.getFileName().toString().equals("common.json") || Stream.of(SchemaName.values())
                            .anyMatch(s -> s.fileName().equals(file.getFileName().toString())),
                            "schema file without a SchemaName (so never loaded nor tested): " + file))).toList().stream();
        }
    }

    private static List<Path> examples(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
