package io.mlpipe.engine.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** "Timestamps ... MUST conform to RFC3339 profile ISO 8601, ... an uppercase T ... and Z or a numeric offset". */
public final class Rfc3339 {
    private Rfc3339() {}

    /** The timestamp, or null when the text is not an RFC 3339 date-time with a time zone. */
    public static OffsetDateTime parse(String s) {
        if (s.length() < 20 || s.charAt(10) != 'T') return null;
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
