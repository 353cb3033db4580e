package io.mlpipe.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filters and sort order List operations share: NameContains (case-insensitive), CreationTimeAfter/Before,
 * LastModifiedTimeAfter/Before, StatusEquals, SortBy and SortOrder.
 */
public final class Listing {
    private Listing() {
    }

    /**
     * @param sortFields the operation's SortBy values and the field each sorts by; the first is the default
     * @param statusField the field StatusEquals compares, or null when the operation has none
     */
    public static List<ObjectNode> select(JsonNode request, List<ObjectNode> items, String nameField, String statusField,
                                          Map<String, String> sortFields, String defaultSortBy, String defaultOrder) {
        String nameContains = request.path("NameContains").asText("").toLowerCase(Locale.ROOT);
        String sortBy = request.path("SortBy").asText(defaultSortBy);
        String order = request.path("SortOrder").asText(defaultOrder);
        if (!sortFields.containsKey(sortBy)) {
            throw AwsError.validation("1 validation error detected: Value '" + sortBy
                    + "' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: " + sortFields.keySet());
        }
        if (!order.equals("Ascending") && !order.equals("Descending")) {
            throw AwsError.validation("1 validation error detected: Value '" + order
                    + "' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]");
        }
        String sortField = sortFields.get(sortBy);
        Comparator<ObjectNode> comparator = Comparator.comparing(item -> item.path(sortField),
                (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue())
                        : a.asText().compareTo(b.asText()));
        if (order.equals("Descending")) {
            comparator = comparator.reversed();
        }
        return items.stream()
                .filter(item -> item.path(nameField).asText().toLowerCase(Locale.ROOT).contains(nameContains))
                .filter(item -> statusField == null || !request.has("StatusEquals")
                        || item.path(statusField).asText().equals(request.path("StatusEquals").asText()))
                .filter(item -> after(item.path("CreationTime"), request.path("CreationTimeAfter"))
                        && before(item.path("CreationTime"), request.path("CreationTimeBefore"))
                        && after(item.path("LastModifiedTime"), request.path("LastModifiedTimeAfter"))
                        && before(item.path("LastModifiedTime"), request.path("LastModifiedTimeBefore")))
                .sorted(comparator)
                .toList();
    }

    private static boolean after(JsonNode time, JsonNode bound) {
        return !bound.isNumber() || time.decimalValue().compareTo(bound.decimalValue()) > 0;
    }

    private static boolean before(JsonNode time, JsonNode bound) {
        return !bound.isNumber() || time.decimalValue().compareTo(bound.decimalValue()) < 0;
    }

    /** A copy of {@code item} holding only {@code fields} (the summaries List operations answer). */
    public static ObjectNode summary(ObjectNode item, String... fields) {
        ObjectNode out = item.objectNode();
        for (String field : fields) {
            if (item.has(field)) {
                out.set(field, item.get(field));
            }
        }
        return out;
    }
}
