package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Conformance cases from conformance/jsonpath-filters.json: filters with comparisons, &&, || and parentheses. */
class JsonPathFilterExpressionsTest {
    static Stream<Arguments> cases() { return Conformance.cases("jsonpath-filters.json"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conforms(String name, JsonNode c) { Conformance.check(c); }
}
