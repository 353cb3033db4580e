package io.mlpipe.tasks.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One input feature. A categorical value is encoded as its index in {@code categories}.
 *
 * @param type "numeric" or "categorical"
 * @param categories the vocabulary, sorted; null for numeric features
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feature(String name, String type, List<String> categories) {
    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";

    public static Feature numeric(String name) {
        return new Feature(name, NUMERIC, null);
    }

    public static Feature categorical(String name, List<String> categories) {
        return new Feature(name, CATEGORICAL, List.copyOf(categories));
    }

    @JsonIgnore
    public boolean isCategorical() {
        return CATEGORICAL.equals(type);
    }
}
