package io.mlpipe.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** List operations' paging: MaxResults (default 10, at most 100) and an opaque NextToken. */
public final class Pages {
    private Pages() {
    }

    /** Puts one page of {@code items} under {@code listName} in a new response, with NextToken when more remain. */
    public static ObjectNode page(JsonNode request, List<? extends JsonNode> items, String listName) {
        int max = request.path("MaxResults").asInt(10);
        if (max < 1 || max > 100) {
            throw AwsError.validation("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        int start = start(request.path("NextToken"));
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray(listName);
        int end = Math.min(items.size(), start + max);
        for (int i = start; i < end; i++) {
            list.add(items.get(i));
        }
        if (end < items.size()) {
            response.put("NextToken", Base64.getUrlEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
        }
        return response;
    }

    private static int start(JsonNode token) {
        if (token.isMissingNode() || token.isNull() || token.asText().isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.asText()), StandardCharsets.UTF_8);
            if (text.startsWith("offset:")) {
                return Integer.parseInt(text.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw AwsError.validation("Invalid pagination token: " + token.asText());
    }
}
