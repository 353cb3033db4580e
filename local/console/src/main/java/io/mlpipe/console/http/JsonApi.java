package io.mlpipe.console.http;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON route of the console's API: the query in, the answer out. */
@FunctionalInterface
public interface JsonApi {
    JsonNode answer(Query query) throws Exception;
}
