package io.mlpipe.sagemaker.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.AwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a request against the API's constraints and fails with AWS's own wording:
 * {@code 2 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; ...}.
 * Paths are given as in the API ({@code OutputDataConfig.S3OutputPath}, {@code InputDataConfig.0.ChannelName});
 * AWS reports them in lower camel case, list members counted from 1 ({@code inputDataConfig.1.member.channelName}).
 */
public final class RequestRules {
    /** SageMaker's name rule for jobs, models, endpoints, configs and groups. */
    public static final String NAME_PATTERN = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$";

    private final JsonNode request;
    private final List<String> violations = new ArrayList<>();

    private RequestRules(JsonNode request) {
        this.request = request;
    }

    public static RequestRules of(JsonNode request) {
        return new RequestRules(request);
    }

    public RequestRules required(String... paths) {
        for (String path : paths) {
            if (value(path).isMissingNode() || value(path).isNull()) {
                violations.add("Value null at '" + awsPath(path) + "' failed to satisfy constraint: Member must not be null");
            }
        }
        return this;
    }

    public RequestRules name(String path) {
        return pattern(path, NAME_PATTERN);
    }

    public RequestRules pattern(String path, String regex) {
        JsonNode v = value(path);
        if (v.isTextual() && !Pattern.matches(regex, v.asText())) {
            violations.add("Value '" + v.asText() + "' at '" + awsPath(path)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    public RequestRules oneOf(String path, List<String> allowed) {
        JsonNode v = value(path);
        if (v.isTextual() && !allowed.contains(v.asText())) {
            violations.add("Value '" + v.asText() + "' at '" + awsPath(path)
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return this;
    }

    public RequestRules range(String path, long min, long max) {
        JsonNode v = value(path);
        if (v.isNumber() && (v.asLong() < min || v.asLong() > max)) {
            String rule = v.asLong() < min ? "greater than or equal to " + min : "less than or equal to " + max;
            violations.add("Value '" + v.asText() + "' at '" + awsPath(path)
                    + "' failed to satisfy constraint: Member must have value " + rule);
        }
        return this;
    }

    public RequestRules notEmpty(String path) {
        JsonNode v = value(path);
        if (v.isArray() && v.isEmpty()) {
            violations.add("Value '[]' at '" + awsPath(path)
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return this;
    }

    /** Throws the ValidationException listing every violation found, if any. */
    public void check() {
        if (!violations.isEmpty()) {
            int n = violations.size();
            throw AwsError.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                    + String.join("; ", violations));
        }
    }

    private JsonNode value(String path) {
        JsonNode node = request;
        for (String part : path.split("\\.")) {
            node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    private static String awsPath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (out.length() > 0) {
                out.append('.');
            }
            if (part.matches("\\d+")) {
                out.append(Integer.parseInt(part) + 1).append(".member"); // AWS counts list members from 1
            } else {
                out.append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
