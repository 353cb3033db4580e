package io.mlpipe.engine.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The condition of a JSONPath filter "[?(...)]", as Step Functions' JsonPath (Jayway) evaluates it:
 * comparisons ({@link FilterComparison}) joined by "&&" (binds tighter) and "||", grouped with
 * parentheses, e.g. {@code $.items[?(@.price < 10 && (@.tag == 'a' || @.tag == 'b'))]}.
 */
sealed interface FilterPredicate permits FilterComparison, FilterPredicate.And, FilterPredicate.Or {

    boolean test(JsonNode element);

    record And(FilterPredicate left, FilterPredicate right) implements FilterPredicate {
        public boolean test(JsonNode element) { return left.test(element) && right.test(element); }
    }

    record Or(FilterPredicate left, FilterPredicate right) implements FilterPredicate {
        public boolean test(JsonNode element) { return left.test(element) || right.test(element); }
    }
}
