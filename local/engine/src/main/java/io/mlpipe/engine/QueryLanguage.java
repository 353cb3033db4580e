package io.mlpipe.engine;

/** "QueryLanguage": JSONPath (the default) or JSONata, at the top level and per state. */
public enum QueryLanguage {
    JSONPATH("JSONPath"), JSONATA("JSONata");

    private final String text;

    QueryLanguage(String text) { this.text = text; }

    public String text() { return text; }

    /** The language named by the field value, or null. */
    public static QueryLanguage of(String text) {
        for (QueryLanguage q : values()) if (q.text.equals(text)) return q;
        return null;
    }
}
