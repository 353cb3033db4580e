package io.mlpipe.tasks.preprocess;

/** The bytes are not a well-formed CSV at {@link #line()}. */
final class CsvFormatException extends Exception {
    private final long line;

    CsvFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    long line() {
        return line;
    }
}
