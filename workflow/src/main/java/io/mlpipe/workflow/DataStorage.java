package io.mlpipe.workflow;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Where the pipeline keeps its state: the data bucket (layout in docs/CONTRACTS.md), its access-log
 * bucket, and the three DynamoDB tables (runs, models, inference log).
 */
public final class DataStorage extends Construct {

    /** Bucket prefixes (docs/CONTRACTS.md, "Bucket layout"). */
    public static final String INCOMING = "incoming/";
    public static final String CONFIG = "config/";
    public static final String PROCESSED = "processed/";
    public static final String MODELS = "models/";
    public static final String REPORTS = "reports/";

    /** Processed training data is reproducible from incoming/: keep it this long. */
    public static final int PROCESSED_EXPIRY_DAYS = 90;
    /** Overwritten or deleted object versions (versioning is on) are kept this long. */
    public static final int NONCURRENT_EXPIRY_DAYS = 30;
    public static final int ACCESS_LOG_EXPIRY_DAYS = 365;

    private final Bucket dataBucket;
    private final Bucket accessLogBucket;
    private final Table runsTable;
    private final Table modelsTable;
    private final Table inferenceLogTable;

    public DataStorage(Construct scope, String id, StackSettings settings) {
        super(scope, id);

        accessLogBucket = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED) // the S3 log delivery service cannot write to SSE-KMS buckets
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(ACCESS_LOG_EXPIRY_DAYS)).build()))
                .removalPolicy(settings.removalPolicy())
                .build();

        dataBucket = Bucket.Builder.create(this, "Data")
                .eventBridgeEnabled(true) // Object Created events start the pipeline
                .versioned(true)          // the run id is derived from the version id: re-uploads retrain
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogBucket)
                .serverAccessLogsPrefix("data/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("expire-processed-data").prefix(PROCESSED)
                                .expiration(Duration.days(PROCESSED_EXPIRY_DAYS)).build(),
                        LifecycleRule.builder().id("expire-old-versions")
                                .noncurrentVersionExpiration(Duration.days(NONCURRENT_EXPIRY_DAYS))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build()))
                .removalPolicy(settings.removalPolicy())
                .build();

        runsTable = table("Runs", "runId", null, null, settings);
        runsTable.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("byModel")
                .partitionKey(Attribute.builder().name("model").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("startedAt").type(AttributeType.STRING).build())
                .build());
        modelsTable = table("Models", "model", "version", null, settings);
        inferenceLogTable = table("InferenceLog", "model", "requestId", "expiresAt", settings);
    }

    private Table table(String id, String partitionKey, String sortKey, String ttlAttribute, StackSettings settings) {
        Table.Builder builder = Table.Builder.create(this, id)
                .partitionKey(Attribute.builder().name(partitionKey).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST) // idle cost about zero
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(settings.removalPolicy());
        if (sortKey != null) {
            builder.sortKey(Attribute.builder().name(sortKey).type(AttributeType.STRING).build());
        }
        if (ttlAttribute != null) {
            builder.timeToLiveAttribute(ttlAttribute);
        }
        return builder.build();
    }

    public Bucket dataBucket() {
        return dataBucket;
    }

    public Bucket accessLogBucket() {
        return accessLogBucket;
    }

    public Table runsTable() {
        return runsTable;
    }

    public Table modelsTable() {
        return modelsTable;
    }

    public Table inferenceLogTable() {
        return inferenceLogTable;
    }
}
