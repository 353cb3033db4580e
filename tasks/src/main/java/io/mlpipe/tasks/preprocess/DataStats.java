package io.mlpipe.tasks.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds stats.json (schema stats) from the first pass's profile. */
final class DataStats {
    private DataStats() {
    }

    static Map<String, Object> of(String model, String runId, String source, DataProfile profile, TargetEncoding target) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("model", model);
        stats.put("runId", runId);
        stats.put("source", source);
        stats.put("problemType", target.problemType.id());
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", profile.rows());
        rows.put("train", profile.trainRows());
        rows.put("validation", profile.validationRows());
        rows.put("withoutTarget", profile.rowsWithoutTarget());
        stats.put("rows", rows);
        stats.put("target", column(profile.target()));
        if (target.classes != null) {
            Map<String, Object> balance = new LinkedHashMap<>();
            for (Object label : target.classes) {
                balance.put(String.valueOf(label), 0L);
            }
            // the profile counts raw spellings; numeric labels ("1", "1.0") fold into one class
            profile.target().distinct().forEach((raw, count) -> {
                String label = target.classes.get(0) instanceof Number
                        ? String.valueOf(TargetEncoding.numericLabel(Double.parseDouble(raw))) : raw;
                balance.merge(label, count, (a, b) -> (Long) a + (Long) b);
            });
            stats.put("classBalance", balance);
        }
        List<Object> columns = new ArrayList<>();
        for (int i = 0; i < profile.columns().size(); i++) {
            if (i != profile.targetIndex()) {
                columns.add(column(profile.columns().get(i)));
            }
        }
        stats.put("columns", columns);
        return stats;
    }

    private static Map<String, Object> column(ColumnProfile column) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("name", column.name);
        stats.put("type", column.isNumeric() ? "numeric" : "categorical");
        stats.put("count", column.count());
        stats.put("missing", column.missing);
        if (column.isNumeric()) {
            stats.put("min", column.min);
            stats.put("max", column.max);
            stats.put("mean", column.mean());
        } else {
            stats.put("distinct", column.distinct().size());
        }
        return stats;
    }
}
