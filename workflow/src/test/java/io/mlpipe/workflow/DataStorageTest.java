package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The data bucket, its access-log bucket and the three tables. */
class DataStorageTest {

    private final Template template = SynthesizedStack.get().template;

    @Test
    void dataBucketIsVersionedEncryptedPrivateLoggedAndExpiresProcessedData() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "data/")),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "expire-processed-data", "Prefix", "processed/",
                        "ExpirationInDays", DataStorage.PROCESSED_EXPIRY_DAYS, "Status", "Enabled"))))))));
        template.resourceCountIs("AWS::S3::Bucket", 2);
    }

    @Test
    void dataBucketSendsEventsToEventBridge() {
        template.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of()))));
    }

    @Test
    void bothBucketsRefuseInsecureTransport() {
        var policies = template.findResources("AWS::S3::BucketPolicy");
        assertEquals(2, policies.size());
        policies.values().forEach(policy -> assertTrue(policy.toString().contains("aws:SecureTransport=false"),
                "deny without TLS: " + policy));
    }

    @Test
    void tablesAreOnDemandRecoverableAndEncrypted() {
        template.resourceCountIs("AWS::DynamoDB::Table", 3);
        template.allResourcesProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true))));
    }

    @Test
    void runsTableHasTheByModelIndex() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "runId", "KeyType", "HASH")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("IndexName", "byModel",
                        "KeySchema", List.of(Map.of("AttributeName", "model", "KeyType", "HASH"),
                                Map.of("AttributeName", "startedAt", "KeyType", "RANGE"))))))));
    }

    @Test
    void modelsTableIsKeyedOnModelAndVersion() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "model", "KeyType", "HASH"),
                        Map.of("AttributeName", "version", "KeyType", "RANGE")))));
    }

    @Test
    void inferenceLogExpiresItems() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "KeySchema", List.of(Map.of("AttributeName", "model", "KeyType", "HASH"),
                        Map.of("AttributeName", "requestId", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void statefulResourcesAreRetainedByDefault() {
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    }
}
