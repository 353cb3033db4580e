package io.mlpipe.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Node;

/**
 * Stack-level settings, read from CDK context ({@code -c mlpipe:<name>=<value>} or cdk.json) and
 * validated before any resource is created. Per-model settings are not here: the preprocess Lambda
 * reads and validates {@code config/<model>.json}.
 *
 * <table>
 * <caption>Context keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>mlpipe:alarmEmail</td><td>none</td><td>e-mail subscribed to the alarm topic</td></tr>
 * <tr><td>mlpipe:removalPolicy</td><td>retain</td><td>retain or destroy: buckets, tables, log groups on stack deletion</td></tr>
 * <tr><td>mlpipe:logRetentionDays</td><td>30</td><td>CloudWatch Logs retention (a value CloudWatch accepts)</td></tr>
 * <tr><td>mlpipe:inferenceLogTtlDays</td><td>30</td><td>days an inference log item lives (1..3650)</td></tr>
 * <tr><td>mlpipe:apiThrottleRateLimit</td><td>50</td><td>API stage steady-state requests per second</td></tr>
 * <tr><td>mlpipe:apiThrottleBurstLimit</td><td>100</td><td>API stage burst</td></tr>
 * <tr><td>mlpipe:preprocessJar</td><td>tasks/target/mlpipe-preprocess-lambda.jar</td><td>the preprocess Lambda's code asset, relative to the repository root</td></tr>
 * <tr><td>mlpipe:inferenceJar</td><td>tasks/target/mlpipe-inference-lambda.jar</td><td>the inference Lambda's code asset, relative to the repository root</td></tr>
 * </table>
 */
public record StackSettings(
        Optional<String> alarmEmail,
        RemovalPolicy removalPolicy,
        RetentionDays logRetention,
        int inferenceLogTtlDays,
        int apiThrottleRateLimit,
        int apiThrottleBurstLimit,
        Path preprocessJar,
        Path inferenceJar) {

    public static final String PREFIX = "mlpipe:";
    /** Each function's own deployment package, built by the tasks module. */
    public static final String DEFAULT_PREPROCESS_JAR = "tasks/target/mlpipe-preprocess-lambda.jar";
    public static final String DEFAULT_INFERENCE_JAR = "tasks/target/mlpipe-inference-lambda.jar";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The retention values CloudWatch Logs accepts, by days (a TreeMap: stable error messages). */
    private static final Map<Integer, RetentionDays> RETENTION = new TreeMap<>(Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS), Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS), Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS), Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS), Map.entry(365, RetentionDays.ONE_YEAR),
            Map.entry(731, RetentionDays.TWO_YEARS), Map.entry(1827, RetentionDays.FIVE_YEARS),
            Map.entry(3653, RetentionDays.TEN_YEARS)));

    public StackSettings {
        alarmEmail.ifPresent(email -> {
            if (!EMAIL.matcher(email).matches()) {
                throw new IllegalArgumentException(PREFIX + "alarmEmail is not an e-mail address: " + email);
            }
        });
        requireRange("inferenceLogTtlDays", inferenceLogTtlDays, 1, 3650);
        requireRange("apiThrottleRateLimit", apiThrottleRateLimit, 1, 10_000);
        requireRange("apiThrottleBurstLimit", apiThrottleBurstLimit, 1, 5_000);
        requireFile("preprocessJar", preprocessJar);
        requireFile("inferenceJar", inferenceJar);
    }

    /** Reads and validates the settings; {@code root} is the repository root (relative paths start there). */
    public static StackSettings fromContext(Node node, Path root) {
        return new StackSettings(
                Optional.ofNullable(text(node, "alarmEmail", null)),
                removalPolicy(text(node, "removalPolicy", "retain")),
                retention(integer(node, "logRetentionDays", 30)),
                integer(node, "inferenceLogTtlDays", 30),
                integer(node, "apiThrottleRateLimit", 50),
                integer(node, "apiThrottleBurstLimit", 100),
                root.resolve(text(node, "preprocessJar", DEFAULT_PREPROCESS_JAR)).normalize(),
                root.resolve(text(node, "inferenceJar", DEFAULT_INFERENCE_JAR)).normalize());
    }

    private static RemovalPolicy removalPolicy(String value) {
        return switch (value) {
            case "retain" -> RemovalPolicy.RETAIN;
            case "destroy" -> RemovalPolicy.DESTROY;
            default -> throw new IllegalArgumentException(PREFIX + "removalPolicy must be retain or destroy, not " + value);
        };
    }

    private static RetentionDays retention(int days) {
        RetentionDays retention = RETENTION.get(days);
        if (retention == null) {
            throw new IllegalArgumentException(PREFIX + "logRetentionDays must be one of " + RETENTION.keySet()
                    + ", not " + days);
        }
        return retention;
    }

    private static String text(Node node, String name, String fallback) {
        Object value = node.tryGetContext(PREFIX + name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        return value.toString().trim();
    }

    private static int integer(Node node, String name, int fallback) {
        String value = text(node, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            // context from the command line is a string, from cdk.json a number (maybe 30.0)
            double number = Double.parseDouble(value);
            if (number != Math.rint(number)) {
                throw new NumberFormatException();
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + " must be a whole number, not " + value);
        }
    }

    private static void requireFile(String name, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Lambda code asset " + jar + " does not exist: build the tasks "
                    + "module first (mvn -pl tasks -am package), or set " + PREFIX + name);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(PREFIX + name + " must be in " + min + ".." + max + ", not " + value);
        }
    }
}
