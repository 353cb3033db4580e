package io.mlpipe.workflow;

import static io.mlpipe.workflow.Ordered.map;

import io.mlpipe.events.PipelineEvents;
import io.mlpipe.events.PipelineEvents.DetailType;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.ChoiceJsonataProps;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.CustomState;
import software.amazon.awscdk.services.stepfunctions.CustomStateProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.FailJsonataProps;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.PassJsonataProps;
import software.amazon.awscdk.services.stepfunctions.QueryLanguage;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.SucceedJsonataProps;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitJsonataProps;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsServiceJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoAttributeValue;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoDeleteItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoDeleteItemJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoGetItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoGetItemJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoPutItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoPutItemJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoUpdateItem;
import software.amazon.awscdk.services.stepfunctions.tasks.DynamoUpdateItemJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.EventBridgePutEvents;
import software.amazon.awscdk.services.stepfunctions.tasks.EventBridgePutEventsEntry;
import software.amazon.awscdk.services.stepfunctions.tasks.EventBridgePutEventsJsonataProps;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvokeJsonataProps;
import software.constructs.Construct;

/**
 * The retraining state machine (Step Functions Standard, JSONata): normalise input, record the run
 * start (idempotent), preprocess, train, register, gate, deploy or reject, bookkeeping, events.
 * Every task retries its transient errors and catches everything else into RecordFailure ->
 * EmitPipelineFailed -> Failed. The states talk through variables, not through state output:
 *
 * <ul>
 * <li>{@code $run}: runId, model, bucket, key, etag, versionId (NormaliseInput)</li>
 * <li>{@code $prep}: the preprocess Lambda's output (docs/CONTRACTS.md)</li>
 * <li>{@code $trained}: artifactUri, metricValue (null when the job did not report it), trainingSeconds</li>
 * <li>{@code $modelPackageArn}, {@code $modelVersion} (6 digits); {@code $champion} (null or metricName,
 *     metricValue, version); {@code $gate}: passed, reason, championMetricValue</li>
 * <li>{@code $endpoint}: exists, status, configName, failureReason, polls; {@code $failure}: Error, Cause</li>
 * <li>{@code $lease}: held (this run holds the model's deployment lease), waitingSince (epoch millis of the
 *     first busy answer, null before)</li>
 * </ul>
 *
 * <p>Gate and deployment of one model run one at a time under a lease: an item {@code version = "lock"}
 * in the models table (docs/CONTRACTS.md). Without it two runs would compare against the same old
 * champion and update the one endpoint concurrently, which SageMaker refuses.
 *
 * <p>SageMaker calls other than training use CallAwsService: the L2 SageMaker tasks take JSONPath
 * expressions for their S3 locations and images and model no serverless endpoint variant. Training
 * is a CustomState because the L2 cannot take the whole hyperparameter map from a variable; its IAM
 * is added right below it, as the L2 would.
 */
public final class Pipeline extends Construct {

    public static final String STATE_MACHINE_NAME_PREFIX = "mlpipe";
    /** Seconds between two DescribeEndpoint calls while an endpoint is created or updated. */
    public static final int ENDPOINT_POLL_SECONDS = 30;
    /** Polls before giving up on an endpoint (about an hour): a stuck endpoint must not keep a run open. */
    public static final int ENDPOINT_MAX_POLLS = 120;
    /**
     * Longer than the longest run the contracts allow: training up to 5 days (model-config
     * maxRuntimeSeconds 432000) plus the endpoint wait. A timeout fires the ExecutionsTimedOut alarm.
     */
    public static final Duration EXECUTION_TIMEOUT = Duration.days(6);
    /** Model names, as docs/CONTRACTS.md: the input key must be incoming/<model>/<file>.csv. */
    public static final String KEY_REGEX = "^incoming/[a-z0-9](-?[a-z0-9]){0,39}/.+\\.csv$";
    /** The models table's sort key of the deployment lease item. */
    public static final String LEASE_VERSION = "lock";
    /**
     * How long a lease holds: twice the longest endpoint wait, for the SageMaker and DynamoDB calls around
     * it. A lease is released on every exit; expiry only frees one left by a stopped execution.
     */
    public static final Duration DEPLOYMENT_LEASE = Duration.seconds(2 * ENDPOINT_POLL_SECONDS * ENDPOINT_MAX_POLLS);
    /** Seconds between two tries for a lease another run holds. */
    public static final int LEASE_POLL_SECONDS = ENDPOINT_POLL_SECONDS;
    /**
     * How long a run waits for the lease before it fails: longer than a lease, so a lease left behind
     * expires first; waiting longer means other runs of the model keep deploying one after another.
     */
    public static final Duration LEASE_MAX_WAIT = Duration.hours(3);

    private final StateMachine stateMachine;
    private final SageMakerRole sageMakerRole;
    private final LogGroup logGroup;

    private final DataStorage storage;
    private final String image;
    private final IChainable recordFailure;

    public Pipeline(Construct scope, String id, DataStorage storage, TaskFunctions functions, StackSettings settings) {
        super(scope, id);
        this.storage = storage;
        this.image = XgboostImage.uri(this);
        this.sageMakerRole = new SageMakerRole(this, "SageMakerRole", storage.dataBucket());

        // failure path first: every task's Catch points at it
        Fail failed = Fail.jsonata(this, "Failed", FailJsonataProps.builder()
                .error(jsonata("$failure.Error"))
                .cause(jsonata("$exists($failure.Cause) ? $failure.Cause : ''"))
                .build());
        EventBridgePutEvents emitFailed = emit(DetailType.PIPELINE_FAILED,
                "{'model': $run.model, 'runId': $run.runId, 'executionArn': $states.context.Execution.Id,"
                        + " 'modelVersion': $modelVersion != null ? $modelVersion, 'error': $failure.Error,"
                        + " 'cause': $exists($failure.Cause) ? $failure.Cause : ''}");
        emitFailed.addRetry(Retries.EVENTBRIDGE);
        emitFailed.addCatch(failed, CatchProps.builder().errors(List.of("States.ALL")).build());
        emitFailed.next(failed);
        DynamoUpdateItem recordFailureTask = updateRun("RecordFailure", "FAILED",
                map("#error", "error", "#cause", "cause"),
                map(":error", str("$failure.Error"),
                        ":cause", str("$exists($failure.Cause) ? $failure.Cause : ''")),
                "#error = :error, #cause = :cause");
        recordFailureTask.addRetry(Retries.DYNAMODB);
        // a run that fails while holding the deployment lease releases it, so the model's next run can deploy
        DynamoDeleteItem releaseOnFailure = releaseLease("ReleaseLeaseOnFailure");
        releaseOnFailure.addCatch(emitFailed, CatchProps.builder().errors(List.of("States.ALL")).build());
        releaseOnFailure.next(emitFailed);
        Choice holdsLease = Choice.jsonata(this, "HoldsDeploymentLease")
                .when(Condition.jsonata(jsonata("$lease.held")), releaseOnFailure)
                .otherwise(emitFailed);
        // a failing failure record must not hide the original error: go on to the event and Fail
        recordFailureTask.addCatch(holdsLease, CatchProps.builder().errors(List.of("States.ALL")).build());
        recordFailureTask.next(holdsLease);
        this.recordFailure = recordFailureTask;

        this.logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/vendedlogs/states/" + STATE_MACHINE_NAME_PREFIX + "-" + Aws.STACK_NAME)
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();

        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .queryLanguage(QueryLanguage.JSONATA)
                .comment("mlpipe: retrain on a CSV drop, gate against the champion, deploy or reject")
                .definitionBody(DefinitionBody.fromChainable(definition(functions)))
                .timeout(EXECUTION_TIMEOUT)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
        grantTraining();
    }

    // ---------------------------------------------------------------- the definition, in order

    private IChainable definition(TaskFunctions functions) {
        Pass normalise = Pass.jsonata(this, "NormaliseInput", PassJsonataProps.builder()
                .comment("EventBridge Object Created event or manual {bucket, key[, versionId]} -> $run")
                .assign(map(
                        "run", jsonata(NORMALISE),
                        // declared here so that every later reference is to an assigned variable
                        "prep", NULL, "trained", NULL, "modelPackageArn", NULL, "modelVersion", NULL,
                        "champion", NULL, "gate", NULL, "endpoint", NULL, "failure", NULL,
                        "lease", jsonata("{'held': false, 'waitingSince': null}")))
                .build());

        Fail invalidInput = Fail.jsonata(this, "InvalidInput", FailJsonataProps.builder()
                .error("InvalidInput")
                .cause(jsonata("'expected an S3 Object Created event or {\"bucket\",\"key\"} with a key"
                        + " incoming/<model>/<file>.csv (model: lower case, digits, single dashes, at most 40"
                        + " characters); got bucket ' & $string($run.bucket) & ', key ' & $string($run.key)"))
                .build());
        Choice validate = Choice.jsonata(this, "ValidateInput");

        DynamoPutItem recordStart = DynamoPutItem.jsonata(this, "RecordRunStart", DynamoPutItemJsonataProps.builder()
                .comment("one run per object version (or ETag): a re-delivered event fails the condition")
                .table(storage.runsTable())
                .item(map(
                        "runId", str("$run.runId"),
                        "model", str("$run.model"),
                        "status", DynamoAttributeValue.fromString("RUNNING"),
                        "bucket", str("$run.bucket"),
                        "key", str("$run.key"),
                        "etag", str("$run.etag"),
                        "versionId", str("$run.versionId"),
                        "executionArn", str("$states.context.Execution.Id"),
                        "startedAt", str("$states.context.Execution.StartTime")))
                .conditionExpression("attribute_not_exists(runId)")
                .build());
        Succeed duplicate = Succeed.jsonata(this, "Duplicate", SucceedJsonataProps.builder()
                .comment("this object version already started a run: nothing to do")
                .outputs(jsonata("{'runId': $run.runId, 'model': $run.model, 'duplicate': true}"))
                .build());
        recordStart.addRetry(Retries.DYNAMODB);
        recordStart.addCatch(duplicate, CatchProps.builder()
                .errors(List.of("DynamoDB.ConditionalCheckFailedException")).build());
        catchAll(recordStart);

        LambdaInvoke preprocess = LambdaInvoke.jsonata(this, "Preprocess", LambdaInvokeJsonataProps.builder()
                .lambdaFunction(functions.preprocessAlias())
                .payload(TaskInput.fromObject(map(
                        "bucket", jsonata("$run.bucket"),
                        "key", jsonata("$run.key"),
                        "model", jsonata("$run.model"),
                        "runId", jsonata("$run.runId"),
                        "executionName", jsonata("$states.context.Execution.Name"))))
                .retryOnServiceExceptions(false) // the explicit policy below, with TooManyRequests
                .assign(map("prep", jsonata("$states.result.Payload")))
                .outputs(jsonata("$states.result.Payload"))
                .build());
        guard(preprocess, Retries.LAMBDA);

        CustomState train = train();

        Choice checkMetric = Choice.jsonata(this, "CheckMetric");
        Pass metricMissing = errorPass("MetricNotReported", "MetricNotReported",
                "'training job ' & $prep.trainingJobName & ' reported no final metric '"
                        + " & $prep.metric.trainingMetricName");

        CallAwsService writeReport = sdk("WriteQualityReport", "s3", "putObject", "s3:PutObject",
                List.of(storage.dataBucket().arnForObjects(DataStorage.REPORTS + "*")),
                map("Bucket", jsonata("$run.bucket"),
                        "Key", jsonata(REPORT_KEY),
                        "ContentType", "application/json",
                        // the model-quality statistics document the Model Registry shows
                        "Body", jsonata("$string({$prep.problemType & '_metrics': {$prep.metric.name:"
                                + " {'value': $trained.metricValue, 'standard_deviation': 'NaN'}}})")),
                null, null, Retries.S3);

        CallAwsService listGroups = sdk("FindModelPackageGroup", "sagemaker", "listModelPackageGroups",
                "sagemaker:ListModelPackageGroups", List.of("*"),
                map("NameContains", jsonata(GROUP), "MaxResults", 100),
                map("groupExists", jsonata("$count($states.result.ModelPackageGroupSummaryList"
                        + "[ModelPackageGroupName = (" + GROUP + ")]) > 0")),
                null, Retries.SAGEMAKER);
        Choice groupExists = Choice.jsonata(this, "ModelPackageGroupExists");
        CallAwsService createGroup = call("CreateModelPackageGroup", "sagemaker", "createModelPackageGroup",
                "sagemaker:CreateModelPackageGroup", List.of(sageMakerArn("model-package-group", "mlpipe-*")),
                map("ModelPackageGroupName", jsonata(GROUP),
                        "ModelPackageGroupDescription", jsonata("'mlpipe model ' & $run.model")),
                null, null);
        // two first runs of a model race here: the second is told "Model Package Group already exists"
        // (a ValidationException); it registers into the group if a Describe confirms it exists
        CallAwsService describeGroup = sdk("DescribeModelPackageGroup", "sagemaker", "describeModelPackageGroup",
                "sagemaker:DescribeModelPackageGroup", List.of(sageMakerArn("model-package-group", "mlpipe-*")),
                map("ModelPackageGroupName", jsonata(GROUP)), null, null, Retries.SAGEMAKER);
        createGroup.addRetry(Retries.SAGEMAKER);
        createGroup.addCatch(describeGroup, CatchProps.builder().errors(List.of("SageMaker.ValidationException")).build());
        catchAll(createGroup);
        CallAwsService createPackage = sdk("CreateModelPackage", "sagemaker", "createModelPackage",
                "sagemaker:CreateModelPackage", List.of(sageMakerArn("model-package-group", "mlpipe-*"),
                        sageMakerArn("model-package", "mlpipe-*")),
                map("ModelPackageGroupName", jsonata(GROUP),
                        "ModelPackageDescription", jsonata("'run ' & $run.runId & ': ' & $prep.metric.name"
                                + " & ' = ' & $string($trained.metricValue)"),
                        "ModelApprovalStatus", "PendingManualApproval",
                        "InferenceSpecification", map(
                                "Containers", List.of(map("Image", image,
                                        "ModelDataUrl", jsonata("$trained.artifactUri"))),
                                "SupportedContentTypes", List.of("text/csv"),
                                "SupportedResponseMIMETypes", List.of("text/csv")),
                        "ModelMetrics", map("ModelQuality", map("Statistics", map(
                                "ContentType", "application/json",
                                "S3Uri", jsonata("'s3://' & $run.bucket & '/' & " + REPORT_KEY)))),
                        "CustomerMetadataProperties", map(
                                "runId", jsonata("$run.runId"),
                                "trainingJobName", jsonata("$prep.trainingJobName"),
                                "problemType", jsonata("$prep.problemType"),
                                "metricName", jsonata("$prep.metric.name"),
                                "metricValue", jsonata("$string($trained.metricValue)"),
                                "featuresUri", jsonata("$prep.featuresUri"))),
                map("modelPackageArn", jsonata("$states.result.ModelPackageArn"),
                        // arn:...:model-package/mlpipe-<model>/<version> -> zero padded to 6 digits
                        "modelVersion", jsonata("$pad($split($states.result.ModelPackageArn, '/')[-1], -6, '0')")),
                null, Retries.SAGEMAKER);

        DynamoPutItem acquireLease = DynamoPutItem.jsonata(this, "AcquireDeploymentLease", DynamoPutItemJsonataProps.builder()
                .comment("one gate and deployment per model at a time: free, expired, or already ours")
                .table(storage.modelsTable())
                .item(map(
                        "model", str("$run.model"),
                        "version", DynamoAttributeValue.fromString(LEASE_VERSION),
                        "runId", str("$run.runId"),
                        "executionArn", str("$states.context.Execution.Id"),
                        "leaseUntil", DynamoAttributeValue.numberFromString(jsonata(LEASE_UNTIL)),
                        "acquiredAt", str("$now()")))
                // "already ours": a retried put whose first attempt was written must not wait for itself
                .conditionExpression("attribute_not_exists(#model) OR #leaseUntil < :now OR #runId = :runId")
                .expressionAttributeNames(map("#model", "model", "#leaseUntil", "leaseUntil", "#runId", "runId"))
                .expressionAttributeValues(map(":now", DynamoAttributeValue.numberFromString(jsonata("$string($millis())")),
                        ":runId", str("$run.runId")))
                .assign(map("lease", jsonata("{'held': true, 'waitingSince': $lease.waitingSince}")))
                .build());
        Choice leaseBusy = Choice.jsonata(this, "DeploymentLeaseBusy");
        Wait waitForLease = Wait.jsonata(this, "WaitForDeploymentLease", WaitJsonataProps.builder()
                .time(WaitTime.duration(Duration.seconds(LEASE_POLL_SECONDS)))
                .build());
        Pass leaseNotAcquired = errorPass("DeploymentLeaseNotAcquired", "DeploymentLeaseNotAcquired",
                "'model ' & $run.model & ' was being deployed by other runs during all of the '"
                        + " & $string($round(($millis() - $lease.waitingSince) / 60000)) & ' minutes this run waited"
                        + " for its deployment lease (models table, version \"" + LEASE_VERSION + "\")'");
        acquireLease.addRetry(Retries.DYNAMODB);
        acquireLease.addCatch(leaseBusy, CatchProps.builder()
                .errors(List.of("DynamoDB.ConditionalCheckFailedException"))
                .assign(map("lease", jsonata("{'held': false, 'waitingSince': $lease.waitingSince != null"
                        + " ? $lease.waitingSince : $millis()}")))
                .build());
        catchAll(acquireLease);

        DynamoGetItem getChampion = DynamoGetItem.jsonata(this, "GetChampion", DynamoGetItemJsonataProps.builder()
                .table(storage.modelsTable())
                .key(map("model", str("$run.model"), "version", DynamoAttributeValue.fromString("champion")))
                .consistentRead(true)
                .assign(map("champion", jsonata("$exists($states.result.Item) ? {"
                        + "'metricName': $states.result.Item.metricName.S,"
                        + " 'metricValue': $number($states.result.Item.metricValue.N),"
                        + " 'version': $states.result.Item.championVersion.S} : null")))
                .build());
        guard(getChampion, Retries.DYNAMODB);

        Pass evaluateGate = Pass.jsonata(this, "EvaluateGate", PassJsonataProps.builder()
                .comment("direction aware: passes the threshold AND beats the champion by minImprovement")
                .assign(map("gate", jsonata(GATE)))
                .build());
        Choice gate = Choice.jsonata(this, "Gate");

        // deploy
        CallAwsService createModel = sdk("CreateModel", "sagemaker", "createModel", "sagemaker:CreateModel",
                List.of(sageMakerArn("model", "mlpipe-*")),
                map("ModelName", jsonata("$prep.trainingJobName"),
                        "ExecutionRoleArn", sageMakerRole.getRoleArn(),
                        "PrimaryContainer", map("Image", image, "ModelDataUrl", jsonata("$trained.artifactUri"))),
                null, List.of(passRole()), Retries.SAGEMAKER);
        CallAwsService createEndpointConfig = sdk("CreateEndpointConfig", "sagemaker", "createEndpointConfig",
                "sagemaker:CreateEndpointConfig", List.of(sageMakerArn("endpoint-config", "mlpipe-*")),
                map("EndpointConfigName", jsonata("$prep.trainingJobName"),
                        "ProductionVariants", jsonata(PRODUCTION_VARIANTS)),
                null, null, Retries.SAGEMAKER);
        CallAwsService findEndpoint = sdk("FindEndpoint", "sagemaker", "listEndpoints", "sagemaker:ListEndpoints",
                List.of("*"),
                map("NameContains", jsonata(ENDPOINT), "MaxResults", 100),
                map("endpoint", jsonata("{'exists': $count($states.result.Endpoints[EndpointName = (" + ENDPOINT
                        + ")]) > 0, 'polls': 0}")),
                null, Retries.SAGEMAKER);
        Choice endpointExists = Choice.jsonata(this, "EndpointExists");
        Map<String, Object> endpointArgs = map("EndpointName", jsonata(ENDPOINT),
                "EndpointConfigName", jsonata("$prep.trainingJobName"));
        List<String> endpointResources = List.of(sageMakerArn("endpoint", "mlpipe-*"),
                sageMakerArn("endpoint-config", "mlpipe-*"));
        CallAwsService updateEndpoint = sdk("UpdateEndpoint", "sagemaker", "updateEndpoint",
                "sagemaker:UpdateEndpoint", endpointResources, endpointArgs, null, null, Retries.SAGEMAKER);
        CallAwsService createEndpoint = sdk("CreateEndpoint", "sagemaker", "createEndpoint",
                "sagemaker:CreateEndpoint", endpointResources, endpointArgs, null, null, Retries.SAGEMAKER);
        Wait waitForEndpoint = Wait.jsonata(this, "WaitForEndpoint", WaitJsonataProps.builder()
                .time(WaitTime.duration(Duration.seconds(ENDPOINT_POLL_SECONDS)))
                .build());
        CallAwsService describeEndpoint = sdk("DescribeEndpoint", "sagemaker", "describeEndpoint",
                "sagemaker:DescribeEndpoint", List.of(sageMakerArn("endpoint", "mlpipe-*")),
                map("EndpointName", jsonata(ENDPOINT)),
                map("endpoint", jsonata("{'exists': true, 'polls': $endpoint.polls + 1,"
                        + " 'status': $states.result.EndpointStatus,"
                        + " 'configName': $states.result.EndpointConfigName,"
                        + " 'failureReason': $exists($states.result.FailureReason) ? $states.result.FailureReason : ''}")),
                null, Retries.SAGEMAKER);
        Choice endpointStatus = Choice.jsonata(this, "EndpointStatus");
        Pass endpointFailed = errorPass("EndpointNotInService", "EndpointDeploymentFailed",
                "'endpoint ' & " + ENDPOINT + " & ' did not serve ' & $prep.trainingJobName & ': status '"
                        + " & $string($endpoint.status) & ' (config ' & $string($endpoint.configName) & ') after '"
                        + " & $string($endpoint.polls) & ' polls. ' & $endpoint.failureReason");
        CallAwsService approve = setApproval("ApproveModelPackage", "Approved");
        DynamoPutItem setChampion = DynamoPutItem.jsonata(this, "SetChampion", DynamoPutItemJsonataProps.builder()
                .table(storage.modelsTable())
                .item(map(
                        "model", str("$run.model"),
                        "version", DynamoAttributeValue.fromString("champion"),
                        "championVersion", str("$modelVersion"),
                        "endpointName", str(ENDPOINT),
                        "modelPackageArn", str("$modelPackageArn"),
                        "metricName", str("$prep.metric.name"),
                        "metricValue", num("$trained.metricValue"),
                        "featuresUri", str("$prep.featuresUri"),
                        "problemType", str("$prep.problemType"),
                        "updatedAt", str("$now()")))
                .build());
        guard(setChampion, Retries.DYNAMODB);

        // reject
        CallAwsService reject = setApproval("RejectModelPackage", "Rejected");

        // definition graph
        recordStart.next(preprocess);
        preprocess.next(train);
        train.next(checkMetric);
        checkMetric.when(Condition.jsonata(jsonata("$type($trained.metricValue) = 'number'")), writeReport)
                .otherwise(metricMissing);
        metricMissing.next(recordFailure);
        writeReport.next(listGroups);
        listGroups.next(groupExists);
        groupExists.when(Condition.jsonata(jsonata("$groupExists")), createPackage).otherwise(createGroup);
        createGroup.next(createPackage);
        describeGroup.next(createPackage);
        createPackage.next(acquireLease);
        acquireLease.next(getChampion);
        leaseBusy.when(Condition.jsonata(jsonata("$millis() - $lease.waitingSince >= "
                        + LEASE_MAX_WAIT.toMilliseconds().longValue())), leaseNotAcquired)
                .otherwise(waitForLease);
        waitForLease.next(acquireLease);
        leaseNotAcquired.next(recordFailure);
        getChampion.next(evaluateGate);
        evaluateGate.next(gate);
        gate.when(Condition.jsonata(jsonata("$gate.passed")), createModel).otherwise(reject);

        createModel.next(createEndpointConfig);
        createEndpointConfig.next(findEndpoint);
        findEndpoint.next(endpointExists);
        endpointExists.when(Condition.jsonata(jsonata("$endpoint.exists")), updateEndpoint).otherwise(createEndpoint);
        updateEndpoint.next(waitForEndpoint);
        createEndpoint.next(waitForEndpoint);
        waitForEndpoint.next(describeEndpoint);
        describeEndpoint.next(endpointStatus);
        endpointStatus
                .when(Condition.jsonata(jsonata("$endpoint.status = 'InService' and $endpoint.configName"
                        + " = $prep.trainingJobName")), approve)
                // InService with another config: the update failed and SageMaker rolled back
                .when(Condition.jsonata(jsonata("$endpoint.status in ['Failed', 'InService', 'OutOfService']"
                        + " or $endpoint.polls >= " + ENDPOINT_MAX_POLLS)), endpointFailed)
                .otherwise(waitForEndpoint);
        endpointFailed.next(recordFailure);
        approve.next(setChampion);
        setChampion.next(outcome("Deployed", "Approved", "DEPLOYED", DetailType.MODEL_DEPLOYED));
        reject.next(outcome("Rejected", "Rejected", "REJECTED", DetailType.MODEL_REJECTED));

        validate.when(Condition.jsonata(jsonata("$type($run.bucket) = 'string' and $type($run.key) = 'string'"
                        + " and $contains($run.key, /" + KEY_REGEX.replace("/", "\\/") + "/)")), recordStart)
                .otherwise(invalidInput);
        return normalise.next(validate);
    }

    /** The run's identity. Event: bucket + key + version id (ETag when unversioned). Manual: the execution name. */
    static final String NORMALISE = "("
            + " $d := $states.input.detail;"
            + " $isEvent := $exists($d);"
            + " $bucket := $isEvent ? $d.bucket.name : $states.input.bucket;"
            + " $key := $isEvent ? $d.object.key : $states.input.key;"
            + " $etag := $isEvent and $exists($d.object.etag) ? $d.object.etag : '';"
            + " $versionId := $isEvent ? ($exists($d.object.`version-id`) ? $d.object.`version-id` : '')"
            + " : ($exists($states.input.versionId) ? $states.input.versionId : '');"
            + " $identity := $isEvent ? ($bucket & '/' & $key & '#' & ($versionId != '' ? $versionId : $etag))"
            + " : ('manual#' & $states.context.Execution.Name);"
            + " {'runId': 'r-' & $substring($hash($identity, 'SHA-256'), 0, 32),"
            + " 'model': $split($key, '/')[1], 'bucket': $bucket, 'key': $key, 'etag': $etag,"
            + " 'versionId': $versionId} )";

    private static final String NULL = jsonata("null");

    static final String GROUP = "'mlpipe-' & $run.model";
    static final String ENDPOINT = "'mlpipe-' & $run.model";
    /** The lease's expiry, epoch milliseconds as DynamoDB's number string. */
    static final String LEASE_UNTIL = "$string($millis() + " + DEPLOYMENT_LEASE.toMilliseconds().longValue() + ")";
    static final String REPORT_KEY = "'reports/' & $run.model & '/' & $run.runId & '/model-quality.json'";

    /**
     * The gate. maximize: improvement = candidate - champion; minimize: champion - candidate. Passes when
     * the threshold (if the model has one) is met AND, if there is a champion measured with the same
     * metric, the improvement is positive and at least minImprovement.
     */
    static final String GATE = "("
            + " $m := $prep.metric;"
            + " $v := $trained.metricValue;"
            + " $max := $m.direction = 'maximize';"
            + " $margin := $type($m.minImprovement) = 'number' ? $m.minImprovement : 0;"
            + " $hasThreshold := $type($m.threshold) = 'number';"
            + " $meetsThreshold := $not($hasThreshold) or ($max ? $v >= $m.threshold : $v <= $m.threshold);"
            + " $hasChampion := $champion != null and $champion.metricName = $m.name;"
            + " $improvement := $hasChampion ? ($max ? $v - $champion.metricValue : $champion.metricValue - $v) : 0;"
            + " $beatsChampion := $not($hasChampion) or ($improvement > 0 and $improvement >= $margin);"
            + " $value := $m.name & ' ' & $string($v);"
            + " {'passed': $meetsThreshold and $beatsChampion,"
            + " 'championMetricValue': $hasChampion ? $champion.metricValue : null,"
            + " 'reason': $not($meetsThreshold)"
            + " ? $value & ($max ? ' is below' : ' is above') & ' the threshold ' & $string($m.threshold)"
            + " : $not($beatsChampion)"
            + " ? $value & ' does not beat the champion ' & $string($champion.metricValue)"
            + " & ($margin > 0 ? ' by at least ' & $string($margin) : '') & ' (' & $m.direction & ')'"
            + " : $hasChampion ? $value & ' beats the champion ' & $string($champion.metricValue) & ' by '"
            + " & $string($improvement)"
            + " : $value & ($hasThreshold ? ' meets the threshold ' & $string($m.threshold) : '')"
            + " & '; no champion to beat'} )";

    /** Serverless by default; an instance variant when the model's configuration says endpoint.mode = instance. */
    static final String PRODUCTION_VARIANTS = "$prep.endpoint.mode = 'instance'"
            + " ? [{'VariantName': 'AllTraffic', 'ModelName': $prep.trainingJobName,"
            + " 'InitialInstanceCount': $prep.endpoint.instanceCount, 'InstanceType': $prep.endpoint.instanceType,"
            + " 'InitialVariantWeight': 1}]"
            + " : [{'VariantName': 'AllTraffic', 'ModelName': $prep.trainingJobName,"
            + " 'ServerlessConfig': {'MemorySizeInMB': $prep.endpoint.memorySizeMb,"
            + " 'MaxConcurrency': $prep.endpoint.maxConcurrency}}]";

    // ---------------------------------------------------------------- the states, one builder each

    /** SageMaker CreateTrainingJob, .sync: the task ends when the job does, with DescribeTrainingJob's output. */
    private CustomState train() {
        CustomState train = new CustomState(this, "Train", CustomStateProps.builder().stateJson(map(
                "Type", "Task",
                "Comment", "built-in XGBoost " + XgboostImage.TAG + "; output s3://<bucket>/models/<model>/",
                "Resource", "arn:" + Aws.PARTITION + ":states:::sagemaker:createTrainingJob.sync",
                "Arguments", map(
                        "TrainingJobName", jsonata("$prep.trainingJobName"),
                        "RoleArn", sageMakerRole.getRoleArn(),
                        "AlgorithmSpecification", map("TrainingImage", image, "TrainingInputMode", "File"),
                        "HyperParameters", jsonata("$prep.hyperparameters"),
                        "InputDataConfig", List.of(channel("train", "$prep.trainUri"),
                                channel("validation", "$prep.validationUri")),
                        "OutputDataConfig", map("S3OutputPath", jsonata("$prep.outputUri")),
                        "ResourceConfig", map("InstanceCount", 1,
                                "InstanceType", jsonata("$prep.training.instanceType"),
                                "VolumeSizeInGB", 10),
                        "StoppingCondition", map("MaxRuntimeInSeconds", jsonata("$prep.training.maxRuntimeSeconds"))),
                "Assign", map("trained", jsonata("("
                        + " $metric := $states.result.FinalMetricDataList[MetricName = $prep.metric.trainingMetricName][0].Value;"
                        + " {'artifactUri': $states.result.ModelArtifacts.S3ModelArtifacts,"
                        // the precision DynamoDB items store ($string: 15 significant digits), so a
                        // candidate equal to the stored champion compares equal, not 4e-16 better
                        + " 'metricValue': $exists($metric) ? $number($string($metric)) : null,"
                        + " 'trainingSeconds': $states.result.TrainingTimeInSeconds} )")))).build());
        guard(train, Retries.SAGEMAKER);
        return train;
    }

    private static Map<String, Object> channel(String name, String uriExpression) {
        return map("ChannelName", name, "ContentType", "text/csv",
                "DataSource", map("S3DataSource", map("S3DataType", "S3Prefix",
                        "S3Uri", jsonata(uriExpression), "S3DataDistributionType", "FullyReplicated")));
    }

    /** IAM of the Train state: what the L2 SageMakerCreateTrainingJob grants, scoped to mlpipe-* jobs. */
    private void grantTraining() {
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob",
                        "sagemaker:StopTrainingJob"))
                .resources(List.of(sageMakerArn("training-job", "mlpipe-*")))
                .build());
        // .sync waits on the managed rule Step Functions creates for SageMaker training jobs
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"))
                .resources(List.of(Stack.of(this).formatArn(ArnComponents.builder().service("events")
                        .resource("rule").resourceName("StepFunctionsGetEventsForSageMakerTrainingJobsRule")
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                .build());
        stateMachine.addToRolePolicy(passRole());
    }

    private PolicyStatement passRole() {
        return PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(sageMakerRole.getRoleArn()))
                .conditions(map("StringEquals", map("iam:PassedToService", "sagemaker.amazonaws.com")))
                .build();
    }

    private String sageMakerArn(String resource, String name) {
        return Stack.of(this).formatArn(Arns.sagemaker(resource, name));
    }

    private CallAwsService setApproval(String id, String status) {
        return sdk(id, "sagemaker", "updateModelPackage", "sagemaker:UpdateModelPackage",
                List.of(sageMakerArn("model-package", "mlpipe-*")),
                map("ModelPackageArn", jsonata("$modelPackageArn"),
                        "ModelApprovalStatus", status,
                        "ApprovalDescription", jsonata("$substring($gate.reason, 0, 1000)")),
                null, null, Retries.SAGEMAKER);
    }

    /**
     * The tail of a decided run: the model version item, the run's outcome, the lease released, the event,
     * then Succeed.
     * Called once for the deploy branch and once for the reject branch.
     */
    private IChainable outcome(String name, String approval, String runStatus, DetailType event) {
        DynamoPutItem version = DynamoPutItem.jsonata(this, "Record" + name + "Version",
                DynamoPutItemJsonataProps.builder()
                        .table(storage.modelsTable())
                        .item(map(
                                "model", str("$run.model"),
                                "version", str("$modelVersion"),
                                "modelPackageArn", str("$modelPackageArn"),
                                "runId", str("$run.runId"),
                                "metricName", str("$prep.metric.name"),
                                "metricValue", num("$trained.metricValue"),
                                "approval", DynamoAttributeValue.fromString(approval),
                                "featuresUri", str("$prep.featuresUri"),
                                "artifactUri", str("$trained.artifactUri"),
                                "createdAt", str("$now()")))
                        .build());
        guard(version, Retries.DYNAMODB);
        DynamoUpdateItem run = updateRun("RecordRun" + name, runStatus,
                map("#trainingJobName", "trainingJobName", "#metricName", "metricName",
                        "#metricValue", "metricValue", "#decision", "decision", "#reason", "reason",
                        "#modelVersion", "modelVersion"),
                map(":trainingJobName", str("$prep.trainingJobName"),
                        ":metricName", str("$prep.metric.name"),
                        ":metricValue", num("$trained.metricValue"),
                        ":decision", DynamoAttributeValue.fromString(event == DetailType.MODEL_DEPLOYED ? "DEPLOY" : "REJECT"),
                        ":reason", str("$gate.reason"),
                        ":modelVersion", str("$modelVersion")),
                "#trainingJobName = :trainingJobName, #metricName = :metricName, #metricValue = :metricValue,"
                        + " #decision = :decision, #reason = :reason, #modelVersion = :modelVersion");
        guard(run, Retries.DYNAMODB);
        EventBridgePutEvents emitted = emit(event,
                "{'model': $run.model, 'runId': $run.runId, 'executionArn': $states.context.Execution.Id,"
                        + " 'modelVersion': $modelVersion, 'metricName': $prep.metric.name,"
                        + " 'metricValue': $trained.metricValue, 'championMetricValue': $gate.championMetricValue,"
                        + " 'reason': $gate.reason}");
        guard(emitted, Retries.EVENTBRIDGE);
        DynamoDeleteItem release = releaseLease("ReleaseLease" + name);
        // not ours any more (it expired and another run took it): this run's deployment is done all the same
        release.addCatch(emitted, CatchProps.builder().errors(List.of("DynamoDB.ConditionalCheckFailedException")).build());
        catchAll(release);
        Succeed done = Succeed.jsonata(this, name, SucceedJsonataProps.builder()
                .outputs(jsonata("{'runId': $run.runId, 'model': $run.model, 'status': '" + runStatus + "',"
                        + " 'modelVersion': $modelVersion, 'metricName': $prep.metric.name,"
                        + " 'metricValue': $trained.metricValue, 'reason': $gate.reason}"))
                .build());
        return version.next(run).next(release).next(emitted).next(done);
    }

    /** Deletes the model's deployment lease if this run holds it; the caller adds the Catch. */
    private DynamoDeleteItem releaseLease(String id) {
        DynamoDeleteItem release = DynamoDeleteItem.jsonata(this, id, DynamoDeleteItemJsonataProps.builder()
                .table(storage.modelsTable())
                .key(map("model", str("$run.model"), "version", DynamoAttributeValue.fromString(LEASE_VERSION)))
                .conditionExpression("#runId = :runId")
                .expressionAttributeNames(map("#runId", "runId"))
                .expressionAttributeValues(map(":runId", str("$run.runId")))
                .assign(map("lease", jsonata("{'held': false, 'waitingSince': $lease.waitingSince}")))
                .build());
        release.addRetry(Retries.DYNAMODB);
        return release;
    }

    /** UpdateItem on the run: status and endedAt always, plus the given attributes. */
    private DynamoUpdateItem updateRun(String id, String status, Map<String, String> names,
            Map<String, DynamoAttributeValue> values, String setClause) {
        Map<String, String> allNames = map("#status", "status", "#endedAt", "endedAt");
        allNames.putAll(names);
        Map<String, DynamoAttributeValue> allValues = map(":status", DynamoAttributeValue.fromString(status),
                ":endedAt", str("$now()"));
        allValues.putAll(values);
        DynamoUpdateItem update = DynamoUpdateItem.jsonata(this, id, DynamoUpdateItemJsonataProps.builder()
                .table(storage.runsTable())
                .key(map("runId", str("$run.runId")))
                .updateExpression("SET #status = :status, #endedAt = :endedAt, " + setClause)
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues)
                .build());
        return update;
    }

    private EventBridgePutEvents emit(DetailType type, String detailExpression) {
        EventBridgePutEvents emit = EventBridgePutEvents.jsonata(this, "Emit" + type.value(),
                EventBridgePutEventsJsonataProps.builder()
                        .entries(List.of(EventBridgePutEventsEntry.builder()
                                .source(PipelineEvents.SOURCE)
                                .detailType(type.value())
                                .detail(TaskInput.fromText(jsonata(detailExpression)))
                                .build()))
                        .build());
        return emit;
    }

    /** An AWS SDK call with its IAM next to it, its retry policy and the catch-all. */
    private CallAwsService sdk(String id, String service, String action, String iamAction, List<String> resources,
            Map<String, Object> arguments, Map<String, Object> assign, List<PolicyStatement> moreIam,
            RetryProps retry) {
        CallAwsService call = call(id, service, action, iamAction, resources, arguments, assign, moreIam);
        guard(call, retry);
        return call;
    }

    /** An AWS SDK call with its IAM next to it, without Retry or Catch: for a call that catches more. */
    private CallAwsService call(String id, String service, String action, String iamAction, List<String> resources,
            Map<String, Object> arguments, Map<String, Object> assign, List<PolicyStatement> moreIam) {
        CallAwsServiceJsonataProps.Builder props = CallAwsServiceJsonataProps.builder()
                .service(service)
                .action(action)
                .iamAction(iamAction)
                .iamResources(resources)
                .parameters(arguments);
        if (assign != null) {
            props.assign(assign);
        }
        if (moreIam != null) {
            props.additionalIamStatements(moreIam);
        }
        return CallAwsService.jsonata(this, id, props.build());
    }

    /** A Pass that turns a detected problem into the same {Error, Cause} a Catch produces. */
    private Pass errorPass(String id, String error, String causeExpression) {
        return Pass.jsonata(this, id, PassJsonataProps.builder()
                .assign(map("failure", jsonata("{'Error': '" + error + "', 'Cause': " + causeExpression + "}")))
                .build());
    }

    private void guard(TaskStateBase task, RetryProps retry) {
        task.addRetry(retry);
        catchAll(task);
    }

    private void guard(CustomState task, RetryProps retry) {
        task.addRetry(retry);
        task.addCatch(recordFailure, failureCatch());
    }

    private void catchAll(TaskStateBase task) {
        task.addCatch(recordFailure, failureCatch());
    }

    private static CatchProps failureCatch() {
        return CatchProps.builder()
                .errors(List.of("States.ALL"))
                .assign(map("failure", jsonata("$states.errorOutput")))
                .build();
    }

    private static String jsonata(String expression) {
        return "{% " + expression + " %}";
    }

    private static DynamoAttributeValue str(String expression) {
        return DynamoAttributeValue.fromString(jsonata(expression));
    }

    private static DynamoAttributeValue num(String expression) {
        return DynamoAttributeValue.numberFromString(jsonata("$string(" + expression + ")"));
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public SageMakerRole sageMakerRole() {
        return sageMakerRole;
    }

    public LogGroup logGroup() {
        return logGroup;
    }
}
