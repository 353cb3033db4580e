package io.mlpipe.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void passLoopCountsToTen() {
        String def = """
            {"StartAt":"Init","States":{
              "Init":{"Type":"Pass","Result":{"count":0},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.count","NumericLessThan":10,"Next":"Inc"}],"Default":"Done"},
              "Inc":{"Type":"Pass","Parameters":{"count.$":"States.MathAdd($.count, 1)"},"Next":"Check"},
              "Done":{"Type":"Succeed"}}}""";
        ExecutionResult r = Asl.run(def, "{}");
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), () -> r.error() + " " + r.cause());
        assertEquals(Asl.json("{\"count\":10}"), r.output());
    }
}
