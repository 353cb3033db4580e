package io.mlpipe.tasks.inference;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.Values;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the request's rows into the CSV the endpoint expects, exactly as preprocess wrote the training data:
 * no header, features in training order, categories as their index, missing values as empty fields.
 * A category never seen in training is sent as missing, which XGBoost handles like any missing value.
 */
final class RowEncoder {
    static final int MAX_ROWS = 1000;

    private final FeatureSpec spec;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Map<String, Integer>> categoryIndexes;

    RowEncoder(FeatureSpec spec) {
        this.spec = spec;
        for (int i = 0; i < spec.features().size(); i++) {
            positions.put(spec.features().get(i).name(), i);
        }
        this.categoryIndexes = spec.features().stream().map(RowEncoder::index).toList();
    }

    /** The rows of a parsed request body, checked for shape; throws {@link BadRequestException}. */
    static JsonNode rows(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("rows")) {
            throw new BadRequestException("the body must be a JSON object {\"rows\": [{\"<feature>\": value, ...}, ...]}");
        }
        JsonNode rows = body.get("rows");
        if (!rows.isArray() || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new BadRequestException("\"rows\" must be an array of 1 to " + MAX_ROWS + " objects");
        }
        return rows;
    }

    String encode(JsonNode rows) {
        StringBuilder csv = new StringBuilder(rows.size() * spec.features().size() * 8);
        String[] values = new String[spec.features().size()];
        for (int r = 0; r < rows.size(); r++) {
            encodeRow(rows.get(r), r + 1, values);
            for (int f = 0; f < values.length; f++) {
                if (f > 0) {
                    csv.append(',');
                }
                if (values[f] != null) {
                    csv.append(values[f]);
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private void encodeRow(JsonNode row, int number, String[] values) {
        if (!row.isObject()) {
            throw new BadRequestException("row " + number + " is not a JSON object of feature names to values");
        }
        java.util.Arrays.fill(values, null);
        int known = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Integer position = positions.get(entry.getKey());
            if (position == null) {
                if (entry.getKey().equals(spec.target())) {
                    continue; // a training row pasted as is: the target is ignored
                }
                throw new BadRequestException("row " + number + ": unknown feature '" + entry.getKey()
                        + "'; the model's features are " + names());
            }
            known++;
            values[position] = encodeValue(spec.features().get(position), categoryIndexes.get(position),
                    entry.getValue(), number);
        }
        if (known == 0) {
            throw new BadRequestException("row " + number + " has none of the model's features " + names());
        }
    }

    private static String encodeValue(Feature feature, Map<String, Integer> categories, JsonNode value, int row) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.isBoolean() && !feature.isCategorical()) {
            throw new BadRequestException("row " + row + ", feature '" + feature.name() + "': expected "
                    + (feature.isCategorical() ? "a text value" : "a number") + ", got " + value);
        }
        String text = value.asText().trim();
        if (Values.isMissing(text)) {
            return null;
        }
        if (!feature.isCategorical()) {
            if (!value.isNumber() && !Values.isNumber(text)) {
                throw new BadRequestException("row " + row + ", feature '" + feature.name() + "': expected a number, got '"
                        + text + "'");
            }
            return text;
        }
        Integer index = categories.get(text);
        return index == null ? null : index.toString();
    }

    private String names() {
        return spec.features().stream().map(Feature::name).toList().toString();
    }

    private static Map<String, Integer> index(Feature feature) {
        if (!feature.isCategorical()) {
            return Map.of();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < feature.categories().size(); i++) {
            index.put(feature.categories().get(i), i);
        }
        return index;
    }
}
