package io.mlpipe.bench.inference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.protocol.Json;
import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prediction requests as a client sends them: {@code {"rows": [...]}} of customers like the training data (another
 * seed), numbers as JSON numbers, categories as text, an empty cell as null, no target.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    static String json(FeatureSpec spec, int rows) {
        String[] lines = new String(SampleData.churn(rows, 7), StandardCharsets.UTF_8).split("\n");
        List<String> header = List.of(lines[0].split(","));
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("rows");
        for (int r = 1; r <= rows; r++) {
            String[] cells = lines[r].split(",", -1);
            ObjectNode row = array.addObject();
            for (Feature feature : spec.features()) {
                String cell = cells[header.indexOf(feature.name())];
                if (cell.isEmpty()) {
                    row.putNull(feature.name());
                } else if (feature.isCategorical()) {
                    row.put(feature.name(), cell);
                } else {
                    row.put(feature.name(), Double.parseDouble(cell));
                }
            }
        }
        return body.toString();
    }
}
