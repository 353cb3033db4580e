package io.mlpipe.schemas;

import java.util.List;

/** A document does not match its schema; {@link #problems()} lists every reason, one per line of the message. */
public class SchemaViolationException extends RuntimeException {
    private final SchemaName schema;
    private final List<String> problems;

    public SchemaViolationException(SchemaName schema, List<String> problems) {
        super("not a valid " + schema.fileName() + ": " + String.join("; ", problems));
        this.schema = schema;
        this.problems = List.copyOf(problems);
    }

    public SchemaName schema() {
        return schema;
    }

    public List<String> problems() {
        return problems;
    }
}
