package io.mlpipe.twin.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Names for resources the template does not name, made as CloudFormation makes them
 * ({@code <stack>-<logicalId>-<random suffix>}, trimmed to the type's length limit, lower case for
 * buckets), but with the "random" part derived from a seed kept in the data directory: a restart gives
 * every resource the same name again, so its data is found again.
 */
public final class PhysicalNames {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String stackName;
    private final String seed;

    public PhysicalNames(String stackName, String seed) {
        this.stackName = stackName;
        this.seed = seed;
    }

    public String generate(String logicalId, String type) {
        boolean lowerCase = type.equals("AWS::S3::Bucket");
        int limit = switch (type) {
            case "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::SageMaker::ModelPackageGroup" -> 63;
            case "AWS::SQS::Queue", "AWS::StepFunctions::StateMachine" -> 80;
            case "AWS::DynamoDB::Table", "AWS::SNS::Topic", "AWS::Logs::LogGroup" -> 255;
            default -> 64;
        };
        String suffix = random(logicalId, 13);
        String prefix = stackName + "-" + logicalId;
        int room = limit - suffix.length() - 1;
        if (prefix.length() > room) {
            prefix = prefix.substring(0, room);
        }
        String name = prefix + "-" + suffix;
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** A stable identifier (API ids, key ids), lower case letters and digits. */
    public String id(String logicalId, int length) {
        return random("id:" + logicalId, length).toLowerCase(Locale.ROOT);
    }

    private String random(String logicalId, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + stackName + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                out.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
