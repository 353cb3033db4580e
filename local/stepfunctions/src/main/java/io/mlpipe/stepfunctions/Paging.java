package io.mlpipe.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code maxResults} / {@code nextToken} paging as the Step Functions List* and GetExecutionHistory
 * operations do it: at most 1000 per page, 0 or absent = 100, an opaque token for the rest.
 */
final class Paging {
    static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private Paging() {
    }

    record Page<T>(List<T> items, String nextToken) {
    }

    static <T> Page<T> page(List<T> all, JsonNode request) {
        int size = pageSize(request);
        int from = offset(request.path("nextToken").asText(null), all.size());
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(to) : null);
    }

    private static int pageSize(JsonNode request) {
        int max = request.path("maxResults").asInt(0);
        if (max < 0 || max > MAX_PAGE) {
            throw AwsError.validation("1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy"
                    + " constraint: Member must have value " + (max < 0 ? "greater than or equal to 0" : "less than or equal to 1000"));
        }
        return max == 0 ? DEFAULT_PAGE : max;
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("mlpipe:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, int total) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("mlpipe:")) {
                int offset = Integer.parseInt(text.substring("mlpipe:".length()));
                if (offset >= 0 && offset <= total) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to AWS's answer for a token it did not issue
        }
        throw AwsError.client("InvalidToken", "Invalid Token: 'Invalid token'");
    }
}
