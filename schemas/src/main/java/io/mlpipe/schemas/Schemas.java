package io.mlpipe.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the contract schemas from the classpath and validates documents against them.
 *
 * <p>Schemas refer to each other by relative {@code $ref} ("common.json#/$defs/..."); their {@code $id}s
 * live under {@link #ID_PREFIX}, which is mapped to the classpath so nothing is ever fetched from the network.
 * Thread safe; build one and keep it (loading compiles every schema once).
 */
public final class Schemas {
    public static final String ID_PREFIX = "https://mlpipe.io/schemas/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schemas SHARED = new Schemas();

    private final Map<SchemaName, Schema> schemas = new EnumMap<>(SchemaName.class);

    private Schemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));
        for (SchemaName name : SchemaName.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(name.id()));
            schema.initializeValidators(); // resolve every $ref now, so a broken schema fails at start-up
            schemas.put(name, schema);
        }
    }

    /** The process-wide instance (schemas are immutable, so one is enough). */
    public static Schemas shared() {
        return SHARED;
    }

    /** Every problem of {@code document} against {@code schema}, as "path: reason" lines; empty when valid. */
    public List<String> problems(SchemaName schema, JsonNode document) {
        List<Error> errors = schemas.get(schema).validate(document);
        return errors.stream().map(Schemas::describe).distinct().toList();
    }

    /** Same as {@link #problems(SchemaName, JsonNode)} for any Jackson-convertible value (maps, lists, records). */
    public List<String> problems(SchemaName schema, Object document) {
        return problems(schema, MAPPER.valueToTree(document));
    }

    /** Throws {@link SchemaViolationException} listing every problem when the document is not valid. */
    public void check(SchemaName schema, Object document) {
        List<String> problems = document instanceof JsonNode node ? problems(schema, node) : problems(schema, document);
        if (!problems.isEmpty()) {
            throw new SchemaViolationException(schema, problems);
        }
    }

    private static String describe(Error error) {
        // The library's message already starts with the instance location as a JSON pointer ("/metric/name: ...").
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        return message.startsWith(location) ? message : location + ": " + message;
    }
}
