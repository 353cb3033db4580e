package io.mlpipe.engine;

import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.ServiceIntegration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Each comparison operator ... compares the Variable's value with the operand"; "if the value is
 * not of the type the operator expects, the rule does not match". Each row: the operator field,
 * its operand (JSON), the value at $.v (JSON, or 'absent'), and whether the rule matches.
 */
class ChoiceComparisonOperatorsTest {

    static boolean matches(String operator, String operand, String value) {
        String input = value.equals("absent") ? "{}" : "{\"v\": " + value + ", \"other\": " + operand + "}";
        String def = """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.v","%s":%s,"Next":"Yes"}],"Default":"No"},
              "Yes":{"Type":"Pass","Result":true,"End":true},
              "No":{"Type":"Pass","Result":false,"End":true}}}""".formatted(operator, operand);
        ExecutionResult r = Asl.run(Asl.json(def), Json.parse(input), ServiceIntegration.none());
        if (!r.succeeded()) throw new AssertionError(r.error() + ": " + r.cause());
        return r.output().booleanValue();
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        StringEquals              | "abc"  | "abc"  | true
        StringEquals              | "abc"  | "abd"  | false
        StringEquals              | "abc"  | "ABC"  | false
        StringEquals              | "1"    | 1      | false
        StringEquals              | ""     | ""     | true
        StringLessThan            | "b"    | "a"    | true
        StringLessThan            | "b"    | "b"    | false
        StringLessThan            | "b"    | "c"    | false
        StringLessThan            | "abc"  | "ab"   | true
        StringGreaterThan         | "b"    | "c"    | true
        StringGreaterThan         | "b"    | "b"    | false
        StringGreaterThan         | "B"    | "a"    | true
        StringLessThanEquals      | "b"    | "b"    | true
        StringLessThanEquals      | "b"    | "a"    | true
        StringLessThanEquals      | "b"    | "c"    | false
        StringGreaterThanEquals   | "b"    | "b"    | true
        StringGreaterThanEquals   | "b"    | "c"    | true
        StringGreaterThanEquals   | "b"    | "a"    | false
        StringGreaterThanEquals   | "b"    | 5      | false
        NumericEquals             | 5      | 5      | true
        NumericEquals             | 5      | 5.0    | true
        NumericEquals             | 5      | 6      | false
        NumericEquals             | 5      | "5"    | false
        NumericEquals             | 0.1    | 0.1    | true
        NumericEquals             | -3     | -3     | true
        NumericLessThan           | 10     | 9      | true
        NumericLessThan           | 10     | 10     | false
        NumericLessThan           | 10     | 9.99   | true
        NumericLessThan           | 10     | 11     | false
        NumericLessThan           | 10     | null   | false
        NumericGreaterThan        | 10     | 11     | true
        NumericGreaterThan        | 10     | 10     | false
        NumericGreaterThan        | 1.5    | 1.6    | true
        NumericLessThanEquals     | 10     | 10     | true
        NumericLessThanEquals     | 10     | 11     | false
        NumericGreaterThanEquals  | 10     | 10     | true
        NumericGreaterThanEquals  | 10     | 9      | false
        NumericGreaterThanEquals  | 10     | 10000000000 | true
        BooleanEquals             | true   | true   | true
        BooleanEquals             | true   | false  | false
        BooleanEquals             | false  | false  | true
        BooleanEquals             | true   | "true" | false
        TimestampEquals           | "2016-03-14T01:59:00Z" | "2016-03-14T01:59:00Z" | true
        TimestampEquals           | "2016-03-14T01:59:00Z" | "2016-03-14T02:59:00+01:00" | true
        TimestampEquals           | "2016-03-14T01:59:00Z" | "2016-03-14T01:59:00.000Z" | true
        TimestampEquals           | "2016-03-14T01:59:00Z" | "2016-03-14T01:59:01Z" | false
        TimestampEquals           | "2016-03-14T01:59:00Z" | "yesterday" | false
        TimestampLessThan         | "2016-03-14T01:59:00Z" | "2016-03-14T01:58:59Z" | true
        TimestampLessThan         | "2016-03-14T01:59:00Z" | "2016-03-14T01:59:00Z" | false
        TimestampGreaterThan      | "2016-03-14T01:59:00Z" | "2017-01-01T00:00:00Z" | true
        TimestampGreaterThan      | "2016-03-14T01:59:00Z" | "2015-01-01T00:00:00Z" | false
        TimestampLessThanEquals   | "2016-03-14T01:59:00Z" | "2016-03-14T01:59:00Z" | true
        TimestampGreaterThanEquals| "2016-03-14T01:59:00Z" | "2016-03-14T01:59:00Z" | true
        TimestampGreaterThanEquals| "2016-03-14T01:59:00Z" | 5 | false
        StringMatches             | "log-*.txt"  | "log-2024.txt"  | true
        StringMatches             | "log-*.txt"  | "log-.txt"      | true
        StringMatches             | "log-*.txt"  | "log-2024.csv"  | false
        StringMatches             | "*.log"      | "a/b/c.log"     | true
        StringMatches             | "a*b*c"      | "aXXbYYc"       | true
        StringMatches             | "a*b*c"      | "aXXcYYb"       | false
        StringMatches             | "*"          | ""              | true
        StringMatches             | "abc"        | "abc"           | true
        StringMatches             | "abc"        | "abcd"          | false
        StringMatches             | "a\\\\*b"    | "a*b"           | true
        StringMatches             | "a\\\\*b"    | "aXb"           | false
        StringMatches             | "a\\\\\\\\b" | "a\\\\b"        | true
        StringMatches             | "*x"         | 5               | false
        IsNull                    | true   | null   | true
        IsNull                    | true   | 0      | false
        IsNull                    | false  | "a"    | true
        IsNull                    | false  | null   | false
        IsPresent                 | true   | 1      | true
        IsPresent                 | true   | null   | true
        IsPresent                 | true   | absent | false
        IsPresent                 | false  | absent | true
        IsPresent                 | false  | 1      | false
        IsNumeric                 | true   | 1      | true
        IsNumeric                 | true   | 1.5    | true
        IsNumeric                 | true   | "1"    | false
        IsNumeric                 | false  | "1"    | true
        IsString                  | true   | "1"    | true
        IsString                  | true   | 1      | false
        IsString                  | false  | null   | true
        IsBoolean                 | true   | false  | true
        IsBoolean                 | true   | "true" | false
        IsBoolean                 | false  | 1      | true
        IsTimestamp               | true   | "2016-03-14T01:59:00Z" | true
        IsTimestamp               | true   | "2016-03-14T01:59:00.123+05:30" | true
        IsTimestamp               | true   | "2016-03-14" | false
        IsTimestamp               | true   | "2016-03-14 01:59:00Z" | false
        IsTimestamp               | true   | 1457920740 | false
        IsTimestamp               | false  | "hello" | true
        """)
    void operator(String operator, String operand, String value, boolean expected) {
        assertEquals(expected, matches(operator.trim(), operand.trim(), value.trim()));
    }

    @ParameterizedTest(name = "{0} against $.other -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        StringEqualsPath             | "a"  | "a"  | true
        StringEqualsPath             | "a"  | "b"  | false
        StringLessThanPath           | "a"  | "b"  | true
        StringGreaterThanPath        | "b"  | "a"  | true
        StringLessThanEqualsPath     | "a"  | "a"  | true
        StringGreaterThanEqualsPath  | "a"  | "b"  | false
        NumericEqualsPath            | 3    | 3    | true
        NumericLessThanPath          | 2    | 3    | true
        NumericGreaterThanPath       | 2    | 3    | false
        NumericLessThanEqualsPath    | 3    | 3    | true
        NumericGreaterThanEqualsPath | 4    | 3    | true
        BooleanEqualsPath            | true | true | true
        BooleanEqualsPath            | true | false | false
        TimestampEqualsPath          | "2020-01-01T00:00:00Z" | "2020-01-01T00:00:00Z" | true
        TimestampLessThanPath        | "2020-01-01T00:00:00Z" | "2021-01-01T00:00:00Z" | true
        TimestampGreaterThanPath     | "2020-01-01T00:00:00Z" | "2021-01-01T00:00:00Z" | false
        TimestampLessThanEqualsPath  | "2020-01-01T00:00:00Z" | "2020-01-01T00:00:00Z" | true
        TimestampGreaterThanEqualsPath | "2022-01-01T00:00:00Z" | "2021-01-01T00:00:00Z" | true
        NumericEqualsPath            | 3    | "3"  | false
        """)
    void pathOperator(String operator, String value, String other, boolean expected) {
        String def = """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.v","%s":"$.other","Next":"Yes"}],"Default":"No"},
              "Yes":{"Type":"Pass","Result":true,"End":true},
              "No":{"Type":"Pass","Result":false,"End":true}}}""".formatted(operator.trim());
        ExecutionResult r = Asl.run(Asl.json(def), Json.parse("{\"v\": " + value + ", \"other\": " + other + "}"), ServiceIntegration.none());
        assertEquals(ExecutionStatus.SUCCEEDED, r.status(), () -> r.error() + ": " + r.cause());
        assertEquals(expected, r.output().booleanValue());
    }

}
