package io.mlpipe.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The definition is not a valid state machine; every problem found is listed. */
public class DefinitionException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public DefinitionException(List<Diagnostic> diagnostics) {
        super("Invalid State Machine Definition: " + diagnostics.stream().map(d -> "'" + d + "'").collect(Collectors.joining(", ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
