package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything the second pass needs: which column is the label and how to encode it, and for every other
 * column (in file order) whether it is numeric (copied as written) or categorical (its index in the sorted
 * vocabulary).
 */
final class TrainingPlan {
    final int targetIndex;
    final TargetEncoding target;
    final List<Feature> features = new ArrayList<>();
    /** Per feature, the file column it comes from. */
    final int[] featureColumns;
    /** Per feature, the category codes; null for numeric features. */
    final CategoryCodes[] categoryCodes;

    TrainingPlan(DataProfile profile, TargetEncoding target) {
        this.targetIndex = profile.targetIndex();
        this.target = target;
        this.featureColumns = new int[profile.columns().size() - 1];
        this.categoryCodes = new CategoryCodes[featureColumns.length];
        int f = 0;
        for (int i = 0; i < profile.columns().size(); i++) {
            if (i == targetIndex) {
                continue;
            }
            ColumnProfile column = profile.columns().get(i);
            featureColumns[f] = i;
            if (column.isNumeric()) {
                features.add(Feature.numeric(column.name));
            } else {
                List<String> categories = new ArrayList<>(new TreeSet<>(column.distinct().keySet()));
                features.add(Feature.categorical(column.name, categories));
                categoryCodes[f] = new CategoryCodes(categories);
            }
            f++;
        }
    }

    FeatureSpec featureSpec(String model, String runId, String targetName) {
        return new FeatureSpec(model, runId, targetName, target.problemType, List.copyOf(features), target.classes);
    }
}
