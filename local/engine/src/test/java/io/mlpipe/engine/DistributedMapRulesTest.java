package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Conformance cases from conformance/distributed-map.json: Distributed Map, ItemReader, ItemBatcher, ResultWriter. */
class DistributedMapRulesTest {
    static Stream<Arguments> cases() { return Conformance.cases("distributed-map.json"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(String name, JsonNode c) { Conformance.check(c); }
}
