package io.mlpipe.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The two Lambda functions of the pipeline, each with its own deployment package (the tasks module
 * builds one jar per function, with only the SDK clients it uses), role, log group and a {@code live}
 * alias on the published version that SnapStart snapshots.
 * Callers (the state machine, API Gateway) invoke the alias, never $LATEST.
 */
public final class TaskFunctions extends Construct {

    public static final String PREPROCESS_HANDLER = "io.mlpipe.tasks.preprocess.PreprocessHandler::handleRequest";
    public static final String INFERENCE_HANDLER = "io.mlpipe.tasks.inference.InferenceHandler::handleRequest";
    public static final String ALIAS = "live";
    /** Powertools metrics namespace of both functions. */
    public static final String METRICS_NAMESPACE = "mlpipe";
    /**
     * The preprocess function's JVM options: the full tiered JIT (C2). Lambda's java21 runtime stops the JIT at C1
     * unless told otherwise, which suits short functions (inference keeps it), but the preprocess core is CPU-bound over
     * the whole CSV and measured half as fast with C1 (BENCHMARKS.md: about 160 against 320 MB/s); AWS recommends
     * level 4 for compute-intensive functions. SnapStart runs the priming with it before the snapshot.
     */
    public static final String PREPROCESS_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4";

    private final Function preprocess;
    private final Function inference;
    private final Alias preprocessAlias;
    private final Alias inferenceAlias;

    public TaskFunctions(Construct scope, String id, DataStorage storage, StackSettings settings) {
        super(scope, id);

        // Preprocess streams the CSV (constant memory) but may read a large file: generous timeout.
        preprocess = function("Preprocess", PREPROCESS_HANDLER, "mlpipe-preprocess", 1024, Duration.minutes(10),
                Code.fromAsset(settings.preprocessJar().toString()), PREPROCESS_JVM_OPTIONS, storage, settings);
        preprocessAlias = alias("Preprocess", preprocess);
        var bucket = storage.dataBucket();
        preprocess.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(DataStorage.INCOMING + "*"),
                        bucket.arnForObjects(DataStorage.CONFIG + "*")))
                .build());
        // ListBucket (on these prefixes only) turns a missing object into 404 rather than 403:
        // that is how the handler tells DataNotFoundError and "no config" apart from access errors.
        preprocess.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Ordered.map("StringLike", Ordered.map("s3:prefix",
                        List.of(DataStorage.INCOMING + "*", DataStorage.CONFIG + "*"))))
                .build());
        preprocess.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects(DataStorage.PROCESSED + "*")))
                .build());

        // Inference answers within API Gateway's 29 s integration timeout.
        inference = function("Inference", INFERENCE_HANDLER, "mlpipe-inference", 1024, Duration.seconds(28),
                Code.fromAsset(settings.inferenceJar().toString()), null, storage, settings);
        inferenceAlias = alias("Inference", inference);
        storage.modelsTable().grant(inference, "dynamodb:GetItem", "dynamodb:Query");
        storage.inferenceLogTable().grant(inference, "dynamodb:PutItem");
        inference.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject")) // featuresUri of the champion
                .resources(List.of(bucket.arnForObjects(DataStorage.PROCESSED + "*")))
                .build());
        inference.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sagemaker:InvokeEndpoint"))
                .resources(List.of(Stack.of(this).formatArn(Arns.sagemaker("endpoint", "mlpipe-*"))))
                .build());
    }

    /** A function; {@code jvmOptions} (null: the runtime's) go to JAVA_TOOL_OPTIONS. */
    private Function function(String id, String handler, String serviceName, int memoryMb, Duration timeout,
            Code code, String jvmOptions, DataStorage storage, StackSettings settings) {
        LogGroup logGroup = LogGroup.Builder.create(this, id + "Logs")
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();
        // An own role with an inline policy instead of AWSLambdaBasicExecutionRole: writes to its log group only.
        Role role = Role.Builder.create(this, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>(); // ordered: deterministic template
        environment.put("DATA_BUCKET", storage.dataBucket().getBucketName());
        environment.put("RUNS_TABLE", storage.runsTable().getTableName());
        environment.put("MODELS_TABLE", storage.modelsTable().getTableName());
        environment.put("INFERENCE_LOG_TABLE", storage.inferenceLogTable().getTableName());
        environment.put("POWERTOOLS_SERVICE_NAME", serviceName);
        environment.put("POWERTOOLS_METRICS_NAMESPACE", METRICS_NAMESPACE);
        environment.put("LOG_LEVEL", "INFO");
        environment.put("INFERENCE_LOG_TTL_DAYS", Integer.toString(settings.inferenceLogTtlDays()));
        if (jvmOptions != null) {
            environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }

        return Function.Builder.create(this, id)
                .runtime(Runtime.JAVA_21)
                .handler(handler)
                .code(code)
                .memorySize(memoryMb)
                .timeout(timeout)
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .build();
    }

    private Alias alias(String id, Function function) {
        return Alias.Builder.create(this, id + "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion()) // SnapStart snapshots published versions only
                .build();
    }

    public Function preprocess() {
        return preprocess;
    }

    public Function inference() {
        return inference;
    }

    public Alias preprocessAlias() {
        return preprocessAlias;
    }

    public Alias inferenceAlias() {
        return inferenceAlias;
    }
}
