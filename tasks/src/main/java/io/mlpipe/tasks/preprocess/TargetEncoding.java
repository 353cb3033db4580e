package io.mlpipe.tasks.preprocess;

import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.features.Values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The problem type and how the target is written as the XGBoost label: the number itself for regression,
 * the class index (classes sorted, index = label) for classification.
 */
final class TargetEncoding {
    /** More classes than this is not a sensible classification target. */
    static final int MAX_CLASSES = 100;

    final ProblemType problemType;
    /** Original label values, sorted (numbers as Long or Double, text as String); null for regression. */
    final List<Object> classes;
    private final CategoryCodes textCodes;
    private final Map<Double, byte[]> numberCodes = new HashMap<>();

    private TargetEncoding(ProblemType problemType, List<Object> classes) {
        this.problemType = problemType;
        this.classes = classes;
        boolean textClasses = classes != null && classes.get(0) instanceof String;
        this.textCodes = textClasses ? new CategoryCodes(classes.stream().map(String.class::cast).toList()) : null;
        if (classes != null && !textClasses) {
            for (int i = 0; i < classes.size(); i++) {
                numberCodes.put(((Number) classes.get(i)).doubleValue(), Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Decides the problem type from the target's profile and the configured type ("auto" = the rules of
     * docs/CONTRACTS.md: text values are classification; 2 numeric values binary; 3..10 integers multiclass;
     * otherwise regression).
     */
    static TargetEncoding decide(ColumnProfile target, String configured, String configPath) {
        Map<String, Long> distinct = target.distinct();
        if (distinct != null && distinct.size() == 1) {
            throw new DataValidationError("the target column '" + target.name + "' has the same value '"
                    + distinct.keySet().iterator().next() + "' in every row; a model needs at least two different values");
        }
        List<Object> classes = distinctLabels(target);
        if (target.isNumeric() && classes != null && classes.size() == 1) {
            throw new DataValidationError("the target column '" + target.name + "' has the same value in every row; "
                    + "a model needs at least two different values");
        }
        ProblemType type = "auto".equals(configured) ? detect(target, classes) : ProblemType.fromId(configured);
        if (type == ProblemType.REGRESSION) {
            if (!target.isNumeric()) {
                throw new ConfigValidationError(configPath + " sets problemType regression, but the target column '"
                        + target.name + "' holds text (e.g. '" + target.firstText + "'); use a classification type or \"auto\"");
            }
            return new TargetEncoding(type, null);
        }
        if (classes == null || classes.size() > MAX_CLASSES) {
            throw new ConfigValidationError("the target column '" + target.name + "' has more than " + MAX_CLASSES
                    + " different values, too many for classification; set problemType to regression in " + configPath
                    + " if it is a quantity");
        }
        if (type == ProblemType.BINARY_CLASSIFICATION && classes.size() != 2) {
            throw new ConfigValidationError(configPath + " sets problemType binary_classification, but the target column '"
                    + target.name + "' has " + classes.size() + " different values " + preview(classes)
                    + "; use multiclass_classification or \"auto\"");
        }
        return new TargetEncoding(type, classes);
    }

    private static ProblemType detect(ColumnProfile target, List<Object> classes) {
        if (!target.isNumeric()) {
            if (classes == null || classes.size() > MAX_CLASSES) {
                throw new DataValidationError("the target column '" + target.name + "' holds text with more than "
                        + MAX_CLASSES + " different values: too many classes to learn; check that '" + target.name
                        + "' is the column to predict");
            }
            return classes.size() == 2 ? ProblemType.BINARY_CLASSIFICATION : ProblemType.MULTICLASS_CLASSIFICATION;
        }
        if (classes != null && classes.size() == 2) {
            return ProblemType.BINARY_CLASSIFICATION;
        }
        if (classes != null && target.integral && classes.size() >= 3 && classes.size() <= 10) {
            return ProblemType.MULTICLASS_CLASSIFICATION;
        }
        return ProblemType.REGRESSION;
    }

    /** Sorted distinct labels; numbers are compared as numbers ("1" and "1.0" are one class). */
    private static List<Object> distinctLabels(ColumnProfile target) {
        if (target.distinct() == null) {
            return null;
        }
        if (!target.isNumeric()) {
            return new ArrayList<>(new TreeSet<>(target.distinct().keySet()));
        }
        TreeSet<Double> numbers = new TreeSet<>();
        for (String value : target.distinct().keySet()) {
            numbers.add(Double.parseDouble(value) + 0.0); // + 0.0: "-0" is the class 0, not a second one
        }
        List<Object> labels = new ArrayList<>();
        for (double n : numbers) {
            labels.add(numericLabel(n));
        }
        return labels;
    }

    /** A numeric label as users wrote it: whole numbers stay whole ("1", not "1.0"). */
    static Object numericLabel(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    private static String preview(List<Object> classes) {
        return classes.subList(0, Math.min(5, classes.size())) + (classes.size() > 5 ? "..." : "");
    }

    /** Writes the label of the current row. */
    void write(CsvParser csv, int field, CsvOutput out) throws IOException {
        if (classes == null) {
            csv.copyTo(field, out);
            return;
        }
        byte[] label = label(csv.buffer(), csv.start(field), csv.end(field));
        if (label == null) {
            throw CategoryCodes.changedSinceFirstRead(csv, field, "label");
        }
        out.write(label);
    }

    /** The label written for the target value {@code b[start, end)}, or null when it is not one of the classes. */
    byte[] label(byte[] b, int start, int end) {
        if (classes == null) {
            return Arrays.copyOfRange(b, start, end);
        }
        return textCodes == null ? numberCodes.get(Values.parseOrNaN(b, start, end) + 0.0) : textCodes.code(b, start, end);
    }
}
