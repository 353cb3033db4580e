package io.mlpipe.engine.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The context object's timestamps, in AWS's form: "2019-03-26T20:14:13.192Z" (always milliseconds). */
public final class Timestamps {
    private Timestamps() {}

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static String format(long epochMillis) { return FORMAT.format(Instant.ofEpochMilli(epochMillis)); }
}
