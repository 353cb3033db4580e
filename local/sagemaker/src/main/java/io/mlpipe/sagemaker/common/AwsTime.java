package io.mlpipe.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Instant;

/** AWS JSON 1.1 timestamps: epoch seconds as a number with millisecond precision. */
public final class AwsTime {
    private AwsTime() {
    }

    public static DecimalNode epoch(Instant instant) {
        return new DecimalNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    public static Instant instant(JsonNode epochSeconds) {
        return Instant.ofEpochMilli(epochSeconds.decimalValue().movePointRight(3).longValue());
    }
}
