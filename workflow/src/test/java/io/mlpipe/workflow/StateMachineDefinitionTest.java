package io.mlpipe.workflow;

import static io.mlpipe.workflow.StateMachineDefinition.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;

/** The synthesized state machine: its states, transitions, Retry/Catch, and what its JSONata computes. */
class StateMachineDefinitionTest {

    private static StateMachineDefinition definition;

    @BeforeAll
    static void synth() {
        definition = StateMachineDefinition.of(SynthesizedStack.get().templateJson);
    }

    private static List<String> transitions(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        state.path("Choices").forEach(c -> next.add(c.get("Next").asText()));
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Catch").forEach(c -> next.add(c.get("Next").asText()));
        return next;
    }

    private static void assertPath(String... states) {
        for (int i = 0; i + 1 < states.length; i++) {
            JsonNode state = definition.state(states[i]);
            List<String> next = new ArrayList<>();
            if (state.has("Next")) {
                next.add(state.get("Next").asText());
            }
            state.path("Choices").forEach(c -> next.add(c.get("Next").asText()));
            if (state.has("Default")) {
                next.add(state.get("Default").asText());
            }
            assertTrue(next.contains(states[i + 1]), states[i] + " does not lead to " + states[i + 1] + " but to " + next);
        }
    }

    private static void assertTerminal(String state, String type) {
        assertEquals(type, definition.state(state).get("Type").asText(), state);
    }

    /** Which Choice branch a given context takes. */
    private static String choose(String choice, Map<String, Object> variables) {
        JsonNode state = definition.state(choice);
        for (JsonNode rule : state.get("Choices")) {
            if (Boolean.TRUE.equals(evaluate(rule.get("Condition"), Map.of("input", Map.of()), variables))) {
                return rule.get("Next").asText();
            }
        }
        return state.get("Default").asText();
    }

    @Test
    void isAStandardJsonataStateMachineWithFullLoggingAndTracing() {
        SynthesizedStack.get().template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineType", "STANDARD",
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL", "IncludeExecutionData", true))));
        assertEquals("JSONata", definition.json.get("QueryLanguage").asText());
        assertEquals("NormaliseInput", definition.json.get("StartAt").asText());
        assertEquals(6 * 24 * 3600, definition.json.get("TimeoutSeconds").asInt());
    }

    @Test
    void deployPathVisitsThePipelineInOrder() {
        assertPath("NormaliseInput", "ValidateInput", "RecordRunStart", "Preprocess", "Train", "CheckMetric",
                "WriteQualityReport", "FindModelPackageGroup", "ModelPackageGroupExists", "CreateModelPackageGroup",
                "CreateModelPackage", "AcquireDeploymentLease", "GetChampion", "EvaluateGate", "Gate", "CreateModel",
                "CreateEndpointConfig", "FindEndpoint", "EndpointExists", "CreateEndpoint", "WaitForEndpoint",
                "DescribeEndpoint", "EndpointStatus", "ApproveModelPackage", "SetChampion", "RecordDeployedVersion",
                "RecordRunDeployed", "ReleaseLeaseDeployed", "EmitModelDeployed", "Deployed");
        assertTerminal("Deployed", "Succeed");
        assertPath("EndpointExists", "UpdateEndpoint", "WaitForEndpoint");
        assertPath("ModelPackageGroupExists", "CreateModelPackage");
    }

    @Test
    void rejectPathLeavesTheChampionAlone() {
        assertPath("Gate", "RejectModelPackage", "RecordRejectedVersion", "RecordRunRejected", "ReleaseLeaseRejected",
                "EmitModelRejected", "Rejected");
        assertTerminal("Rejected", "Succeed");
        assertEquals("Rejected", definition.state("RejectModelPackage").get("Arguments").get("ModelApprovalStatus").asText());
        assertEquals("Approved", definition.state("ApproveModelPackage").get("Arguments").get("ModelApprovalStatus").asText());
        Set<String> reachable = reachableFrom("RejectModelPackage");
        assertFalse(reachable.contains("SetChampion"), "the reject branch must not touch the champion");
    }

    @Test
    void failuresAreRecordedEmittedAndFailTheExecution() {
        assertPath("RecordFailure", "HoldsDeploymentLease", "ReleaseLeaseOnFailure", "EmitPipelineFailed", "Failed");
        assertPath("HoldsDeploymentLease", "EmitPipelineFailed");
        assertTerminal("Failed", "Fail");
        assertPath("MetricNotReported", "RecordFailure");
        assertPath("EndpointNotInService", "RecordFailure");
        assertEquals("{% $failure.Error %}", definition.state("Failed").get("Error").asText());
        JsonNode record = definition.state("RecordFailure");
        assertTrue(record.get("Resource").asText().endsWith(":states:::dynamodb:updateItem"));
        assertEquals("FAILED", record.get("Arguments").get("ExpressionAttributeValues").get(":status").get("S").asText());
        assertTrue(record.get("Arguments").get("UpdateExpression").asText().contains("#error = :error, #cause = :cause"));
        // a failure while recording the failure still releases the lease, emits the event and fails the execution
        assertEquals("HoldsDeploymentLease", record.get("Catch").get(0).get("Next").asText());
        assertEquals("EmitPipelineFailed", definition.state("ReleaseLeaseOnFailure").get("Catch").get(0).get("Next").asText());
        assertEquals("Failed", definition.state("EmitPipelineFailed").get("Catch").get(0).get("Next").asText());
    }

    @Test
    void invalidInputFailsBeforeAnyWrite() {
        assertPath("ValidateInput", "InvalidInput");
        assertTerminal("InvalidInput", "Fail");
        assertEquals("InvalidInput", definition.state("InvalidInput").get("Error").asText());
        JsonNode condition = definition.state("ValidateInput").get("Choices").get(0).get("Condition");
        assertEquals(true, evaluate(condition, Map.of(), Map.of("run", Map.of("bucket", "b", "key", "incoming/churn/a.csv"))));
        for (String key : List.of("incoming/Churn/a.csv", "incoming/a.csv", "processed/churn/a.csv", "incoming/churn/a.json",
                "incoming/x--y/a.csv")) {
            assertEquals(false, evaluate(condition, Map.of(), Map.of("run", Map.of("bucket", "b", "key", key))), key);
        }
        assertEquals(false, evaluate(condition, Map.of(), Map.of("run", Map.of("key", "incoming/churn/a.csv"))));
    }

    @Test
    void everyTaskRetriesItsTransientErrorsAndCatchesEverythingElse() {
        Map<String, String> retriedErrorByIntegration = Map.of(
                "lambda:invoke", "Lambda.TooManyRequestsException",
                "dynamodb:", "DynamoDB.ProvisionedThroughputExceededException",
                "sagemaker", "SageMaker.ThrottlingException",
                "s3:putObject", "S3.SlowDownException",
                "events:putEvents", "EventBridge.FailedEntry");
        int tasks = 0;
        for (var entry : iterable(definition.states())) {
            JsonNode state = entry.getValue();
            if (!"Task".equals(state.get("Type").asText())) {
                continue;
            }
            tasks++;
            String name = entry.getKey();
            String resource = state.get("Resource").asText();
            JsonNode retry = state.get("Retry");
            assertTrue(retry != null && retry.size() == 1, name + " has one retry policy");
            String expected = retriedErrorByIntegration.entrySet().stream()
                    .filter(e -> resource.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected integration " + resource));
            assertTrue(retry.get(0).get("ErrorEquals").toString().contains(expected), name + " retries " + expected);
            assertFalse(retry.get(0).get("ErrorEquals").toString().contains("States.ALL"), name + " retries only transient errors");
            assertEquals(2, retry.get(0).get("BackoffRate").asInt(), name);
            assertEquals("FULL", retry.get(0).get("JitterStrategy").asText(), name);
            assertTrue(retry.get(0).get("MaxAttempts").asInt() >= 5, name);

            JsonNode catches = state.get("Catch");
            JsonNode last = catches.get(catches.size() - 1);
            assertEquals("[\"States.ALL\"]", last.get("ErrorEquals").toString(), name + " catches everything last");
            if (!List.of("RecordFailure", "ReleaseLeaseOnFailure", "EmitPipelineFailed").contains(name)) {
                assertEquals("RecordFailure", last.get("Next").asText(), name);
                assertEquals("{% $states.errorOutput %}", last.get("Assign").get("failure").asText(), name);
            }
        }
        assertEquals(30, tasks);
    }

    @Test
    void everyStateIsReachable() {
        Set<String> all = new LinkedHashSet<>();
        definition.states().fieldNames().forEachRemaining(all::add);
        assertEquals(all, reachableFrom("NormaliseInput"));
    }

    private static Set<String> reachableFrom(String start) {
        return reachableAvoiding(start, Set.of());
    }

    /** The states reachable from {@code start} on paths that do not go through {@code avoided}. */
    private static Set<String> reachableAvoiding(String start, Set<String> avoided) {
        Set<String> seen = new LinkedHashSet<>(avoided);
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                todo.addAll(transitions(definition.state(name)));
            }
        }
        seen.removeAll(avoided);
        return seen;
    }

    @Test
    void runStartIsAConditionalPutAndADuplicateEndsQuietly() {
        JsonNode put = definition.state("RecordRunStart");
        assertTrue(put.get("Resource").asText().endsWith(":states:::dynamodb:putItem"));
        assertEquals("attribute_not_exists(runId)", put.get("Arguments").get("ConditionExpression").asText());
        assertEquals("RUNNING", put.get("Arguments").get("Item").get("status").get("S").asText());
        JsonNode first = put.get("Catch").get(0);
        assertEquals("[\"DynamoDB.ConditionalCheckFailedException\"]", first.get("ErrorEquals").toString());
        assertEquals("Duplicate", first.get("Next").asText());
        JsonNode duplicate = definition.state("Duplicate");
        assertEquals("Succeed", duplicate.get("Type").asText());
        Object output = evaluate(duplicate.get("Output"), Map.of(), Map.of("run", Map.of("runId", "r-1", "model", "churn")));
        assertEquals(Map.of("runId", "r-1", "model", "churn", "duplicate", true), output);
    }

    @Test
    void normalisesAnEventIntoARunKeyedOnTheObjectVersion() throws Exception {
        Map<String, Object> event;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("events/examples/s3-object-created.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = SynthesizedStack.JSON.readValue(in, Map.class);
            event = read;
        }
        JsonNode assign = definition.state("NormaliseInput").get("Assign").get("run");
        Map<String, Object> context = Map.of("Execution", Map.of("Name", "exec-1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) evaluate(assign, Map.of("input", event, "context", context), Map.of());
        String identity = "mlpipe-data-example/incoming/churn/2026-11-26.csv#IYV3p45BT0ac8hjHg1houSdS1a.Mf8mn";
        assertEquals("r-" + StateMachineDefinition.sha256(identity).substring(0, 32), run.get("runId"));
        assertEquals("churn", run.get("model"));
        assertEquals("mlpipe-data-example", run.get("bucket"));
        assertEquals("incoming/churn/2026-11-26.csv", run.get("key"));
        assertEquals("b1946ac92492d2347c6235b4d2611184", run.get("etag"));

        // unversioned bucket: the ETag identifies the object
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
        @SuppressWarnings("unchecked")
        Map<String, Object> object = new HashMap<>((Map<String, Object>) detail.get("object"));
        object.remove("version-id");
        detail.put("object", object);
        Map<String, Object> unversioned = new HashMap<>(event);
        unversioned.put("detail", detail);
        @SuppressWarnings("unchecked")
        Map<String, Object> byEtag = (Map<String, Object>) evaluate(assign, Map.of("input", unversioned, "context", context), Map.of());
        assertEquals("r-" + StateMachineDefinition.sha256("mlpipe-data-example/incoming/churn/2026-11-26.csv#"
                + "b1946ac92492d2347c6235b4d2611184").substring(0, 32), byEtag.get("runId"));
        assertEquals("", byEtag.get("versionId"));
    }

    @Test
    void normalisesAManualInputIntoARunKeyedOnTheExecutionName() {
        JsonNode assign = definition.state("NormaliseInput").get("Assign").get("run");
        Map<String, Object> input = Map.of("bucket", "b", "key", "incoming/house-prices/x.csv");
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) evaluate(assign,
                Map.of("input", input, "context", Map.of("Execution", Map.of("Name", "manual-42"))), Map.of());
        assertEquals("r-" + StateMachineDefinition.sha256("manual#manual-42").substring(0, 32), run.get("runId"));
        assertEquals("house-prices", run.get("model"));
        assertEquals("", run.get("etag"));
        assertEquals("", run.get("versionId"));
    }

    @Test
    void preprocessGetsTheContractPayloadFromTheLiveAlias() {
        JsonNode preprocess = definition.state("Preprocess");
        assertTrue(preprocess.get("Resource").asText().endsWith(":states:::lambda:invoke"));
        JsonNode payload = preprocess.get("Arguments").get("Payload");
        assertEquals(List.of("bucket", "key", "model", "runId", "executionName"), names(payload));
        assertEquals("{% $states.context.Execution.Name %}", payload.get("executionName").asText());
        assertTrue(preprocess.get("Arguments").get("FunctionName").asText().contains("FunctionsPreprocessAlias"));
        assertEquals("{% $states.result.Payload %}", preprocess.get("Assign").get("prep").asText());
    }

    @Test
    void trainRunsTheRegionsBuiltInXgboostSynchronously() {
        JsonNode train = definition.state("Train");
        assertTrue(train.get("Resource").asText().endsWith(":states:::sagemaker:createTrainingJob.sync"));
        JsonNode args = train.get("Arguments");
        assertEquals("<FindInMap XgboostImageRegistry <Ref AWS::Region> account>.dkr.ecr.<Ref AWS::Region>."
                + "<Ref AWS::URLSuffix>/sagemaker-xgboost:1.7-1", args.get("AlgorithmSpecification").get("TrainingImage").asText());
        assertEquals("{% $prep.hyperparameters %}", args.get("HyperParameters").asText());
        assertEquals("{% $prep.trainingJobName %}", args.get("TrainingJobName").asText());
        assertEquals("{% $prep.outputUri %}", args.get("OutputDataConfig").get("S3OutputPath").asText());
        assertEquals("{% $prep.training.maxRuntimeSeconds %}", args.get("StoppingCondition").get("MaxRuntimeInSeconds").asText());
        assertEquals("{% $prep.training.instanceType %}", args.get("ResourceConfig").get("InstanceType").asText());
        JsonNode channels = args.get("InputDataConfig");
        assertEquals("train", channels.get(0).get("ChannelName").asText());
        assertEquals("validation", channels.get(1).get("ChannelName").asText());
        for (JsonNode channel : channels) {
            assertEquals("text/csv", channel.get("ContentType").asText());
        }
        assertEquals("{% $prep.validationUri %}", channels.get(1).get("DataSource").get("S3DataSource").get("S3Uri").asText());
        SynthesizedStack.get().template.hasMapping(XgboostImage.MAPPING_ID, Map.of(
                "us-east-1", Map.of("account", "683313688378"), "eu-west-1", Map.of("account", "141502667606")));
    }

    @Test
    void aCandidateAsGoodAsTheStoredChampionDoesNotBeatIt() {
        double reported = 0.7644656228727021; // more digits than a DynamoDB item keeps through $string
        Map<String, Object> prep = Map.of("metric", Map.of("trainingMetricName", "validation:auc", "name", "auc",
                "direction", "maximize", "threshold", 0.6, "minImprovement", 0));
        @SuppressWarnings("unchecked")
        Map<String, Object> trained = (Map<String, Object>) evaluate(definition.state("Train").get("Assign").get("trained"),
                Map.of("result", Map.of("FinalMetricDataList", List.of(Map.of("MetricName", "validation:auc", "Value", reported)))),
                Map.of("prep", prep));
        // what SetChampion wrote: the metric through $string, 15 significant digits
        double stored = java.math.BigDecimal.valueOf(reported).round(new java.math.MathContext(15)).doubleValue();
        Map<String, Object> variables = new HashMap<>();
        variables.put("prep", prep);
        variables.put("trained", trained);
        variables.put("champion", Map.of("metricName", "auc", "metricValue", stored, "version", "000001"));
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) evaluate(
                definition.state("EvaluateGate").get("Assign").get("gate"), Map.of(), variables);
        assertEquals(false, gate.get("passed"), () -> String.valueOf(gate.get("reason")));
    }

    @Test
    void theCandidateMetricComesFromFinalMetricDataList() {
        JsonNode assign = definition.state("Train").get("Assign").get("trained");
        Map<String, Object> prep = Map.of("metric", Map.of("trainingMetricName", "validation:auc"));
        Map<String, Object> result = Map.of(
                "FinalMetricDataList", List.of(Map.of("MetricName", "train:auc", "Value", 0.99),
                        Map.of("MetricName", "validation:auc", "Value", 0.91)),
                "ModelArtifacts", Map.of("S3ModelArtifacts", "s3://b/models/churn/job/output/model.tar.gz"),
                "TrainingTimeInSeconds", 61);
        @SuppressWarnings("unchecked")
        Map<String, Object> trained = (Map<String, Object>) evaluate(assign, Map.of("result", result), Map.of("prep", prep));
        assertEquals(0.91, ((Number) trained.get("metricValue")).doubleValue());
        assertEquals("s3://b/models/churn/job/output/model.tar.gz", trained.get("artifactUri"));

        @SuppressWarnings("unchecked")
        Map<String, Object> missing = (Map<String, Object>) evaluate(assign,
                Map.of("result", Map.of("FinalMetricDataList", List.of(Map.of("MetricName", "train:auc", "Value", 0.99)))),
                Map.of("prep", prep));
        assertNull(missing.get("metricValue"));
        assertEquals("MetricNotReported", choose("CheckMetric", Map.of("trained", missing)));
        assertEquals("WriteQualityReport", choose("CheckMetric", Map.of("trained", trained)));
    }

    @Test
    void registrationWritesTheModelVersionPaddedToSixDigits() {
        JsonNode create = definition.state("CreateModelPackage");
        assertTrue(create.get("Resource").asText().endsWith(":states:::aws-sdk:sagemaker:createModelPackage"));
        JsonNode args = create.get("Arguments");
        assertEquals("PendingManualApproval", args.get("ModelApprovalStatus").asText());
        assertEquals("text/csv", args.get("InferenceSpecification").get("SupportedContentTypes").get(0).asText());
        assertEquals(List.of("runId", "trainingJobName", "problemType", "metricName", "metricValue", "featuresUri"),
                names(args.get("CustomerMetadataProperties")));
        assertTrue(args.get("ModelMetrics").get("ModelQuality").get("Statistics").get("S3Uri").asText().contains("'/model-quality.json'"));
        Object version = evaluate(create.get("Assign").get("modelVersion"),
                Map.of("result", Map.of("ModelPackageArn", "arn:aws:sagemaker:eu-west-1:123456789012:model-package/mlpipe-churn/3")),
                Map.of());
        assertEquals("000003", version);
        assertEquals("CreateModelPackage", choose("ModelPackageGroupExists", Map.of("groupExists", true)));
        assertEquals("CreateModelPackageGroup", choose("ModelPackageGroupExists", Map.of("groupExists", false)));
    }

    @Test
    void aGroupAnotherRunCreatedFirstIsConfirmedAndRegisteredInto() {
        JsonNode create = definition.state("CreateModelPackageGroup");
        JsonNode alreadyExists = create.get("Catch").get(0);
        assertEquals("[\"SageMaker.ValidationException\"]", alreadyExists.get("ErrorEquals").toString());
        assertEquals("DescribeModelPackageGroup", alreadyExists.get("Next").asText());
        JsonNode describe = definition.state("DescribeModelPackageGroup");
        assertTrue(describe.get("Resource").asText().endsWith(":states:::aws-sdk:sagemaker:describeModelPackageGroup"));
        assertEquals("'mlpipe-' & $run.model",
                StateMachineDefinition.expression(describe.get("Arguments").get("ModelPackageGroupName")));
        assertPath("DescribeModelPackageGroup", "CreateModelPackage");
        // no such group after all: the normal failure path
        JsonNode catches = describe.get("Catch");
        assertEquals("RecordFailure", catches.get(catches.size() - 1).get("Next").asText());
    }

    @Test
    void theLeaseIsAConditionalPutThatAnExpiredOrOwnLeaseAlsoPasses() {
        JsonNode acquire = definition.state("AcquireDeploymentLease");
        assertTrue(acquire.get("Resource").asText().endsWith(":states:::dynamodb:putItem"));
        JsonNode args = acquire.get("Arguments");
        assertTrue(args.get("TableName").asText().contains("Models"), args.get("TableName").asText());
        assertEquals("attribute_not_exists(#model) OR #leaseUntil < :now OR #runId = :runId",
                args.get("ConditionExpression").asText());
        JsonNode item = args.get("Item");
        assertEquals(List.of("model", "version", "runId", "executionArn", "leaseUntil", "acquiredAt"), names(item));
        assertEquals(Pipeline.LEASE_VERSION, item.get("version").get("S").asText());
        Map<String, Object> run = Map.of("run", Map.of("model", "churn", "runId", "r-1"));
        long before = System.currentTimeMillis();
        String until = (String) evaluate(item.get("leaseUntil").get("N"), Map.of(), run);
        String now = (String) evaluate(args.get("ExpressionAttributeValues").get(":now").get("N"), Map.of(), run);
        assertTrue(until.matches("\\d+") && now.matches("\\d+"), "DynamoDB number strings: " + until + ", " + now);
        long lease = Pipeline.DEPLOYMENT_LEASE.toMilliseconds().longValue();
        assertTrue(Long.parseLong(until) >= before + lease && Long.parseLong(until) <= System.currentTimeMillis() + lease);
        assertTrue(lease > (long) Pipeline.ENDPOINT_POLL_SECONDS * Pipeline.ENDPOINT_MAX_POLLS * 1000,
                "a lease outlasts the longest endpoint wait");
        assertEquals(Map.of("held", true, "waitingSince", 5L),
                evaluate(acquire.get("Assign").get("lease"), Map.of(), Map.of("lease", Map.of("held", false, "waitingSince", 5L))));
    }

    @Test
    void aRunWaitsForALeaseAnotherRunHoldsAndGivesUpClearlyAfterTheMaximumWait() {
        JsonNode busy = definition.state("AcquireDeploymentLease").get("Catch").get(0);
        assertEquals("[\"DynamoDB.ConditionalCheckFailedException\"]", busy.get("ErrorEquals").toString());
        assertEquals("DeploymentLeaseBusy", busy.get("Next").asText());
        // the first busy answer starts the clock, later ones keep it
        long before = System.currentTimeMillis();
        @SuppressWarnings("unchecked")
        Map<String, Object> start = (Map<String, Object>) evaluate(
                definition.state("NormaliseInput").get("Assign").get("lease"), Map.of(), Map.of());
        assertEquals(false, start.get("held"));
        assertTrue(start.containsKey("waitingSince") && start.get("waitingSince") == null, start.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) evaluate(busy.get("Assign").get("lease"), Map.of(),
                Map.of("lease", start));
        assertEquals(false, first.get("held"));
        assertTrue(((Number) first.get("waitingSince")).longValue() >= before);
        assertEquals(Map.of("held", false, "waitingSince", 7L), evaluate(busy.get("Assign").get("lease"), Map.of(),
                Map.of("lease", Map.of("held", false, "waitingSince", 7L))));

        assertPath("DeploymentLeaseBusy", "WaitForDeploymentLease", "AcquireDeploymentLease");
        assertEquals(Pipeline.LEASE_POLL_SECONDS, definition.state("WaitForDeploymentLease").get("Seconds").asInt());
        long maxWait = Pipeline.LEASE_MAX_WAIT.toMilliseconds().longValue();
        assertTrue(maxWait > Pipeline.DEPLOYMENT_LEASE.toMilliseconds().longValue(), "a lease left behind expires first");
        long now = System.currentTimeMillis();
        assertEquals("WaitForDeploymentLease", choose("DeploymentLeaseBusy",
                Map.of("lease", Map.of("held", false, "waitingSince", now - 60_000))));
        assertEquals("DeploymentLeaseNotAcquired", choose("DeploymentLeaseBusy",
                Map.of("lease", Map.of("held", false, "waitingSince", now - maxWait - 1))));
        assertPath("DeploymentLeaseNotAcquired", "RecordFailure");
        @SuppressWarnings("unchecked")
        Map<String, Object> failure = (Map<String, Object>) evaluate(definition.state("DeploymentLeaseNotAcquired")
                .get("Assign").get("failure"), Map.of(), Map.of("run", Map.of("model", "churn"),
                "lease", Map.of("held", false, "waitingSince", now - 180 * 60_000)));
        assertEquals("DeploymentLeaseNotAcquired", failure.get("Error"));
        assertEquals("model churn was being deployed by other runs during all of the 180 minutes this run waited for"
                + " its deployment lease (models table, version \"lock\")", failure.get("Cause"));
    }

    @Test
    void theChampionIsReadUnderTheLeaseAndEveryExitReleasesIt() {
        Set<String> releases = Set.of("ReleaseLeaseDeployed", "ReleaseLeaseRejected", "ReleaseLeaseOnFailure");
        for (String name : releases) {
            JsonNode release = definition.state(name);
            assertTrue(release.get("Resource").asText().endsWith(":states:::dynamodb:deleteItem"), name);
            JsonNode args = release.get("Arguments");
            assertEquals(Pipeline.LEASE_VERSION, args.get("Key").get("version").get("S").asText(), name);
            assertEquals("#runId = :runId", args.get("ConditionExpression").asText(), name);
            assertEquals("{% $run.runId %}", args.get("ExpressionAttributeValues").get(":runId").get("S").asText(), name);
            assertEquals(Map.of("held", false, "waitingSince", 3L), evaluate(release.get("Assign").get("lease"), Map.of(),
                    Map.of("lease", Map.of("held", true, "waitingSince", 3L))), name);
        }
        // the gate reads the champion only once this run holds the lease
        Set<String> beforeLease = reachableAvoiding("NormaliseInput", Set.of("AcquireDeploymentLease"));
        assertFalse(beforeLease.contains("GetChampion") || beforeLease.contains("CreateModel"), beforeLease.toString());
        // no way from the lease to an end but through a release (the failure path's is behind a Choice)
        Set<String> unreleased = reachableAvoiding("AcquireDeploymentLease", releases);
        assertFalse(unreleased.contains("Deployed") || unreleased.contains("Rejected"), unreleased.toString());
        assertEquals("ReleaseLeaseOnFailure", choose("HoldsDeploymentLease", Map.of("lease", Map.of("held", true))));
        assertEquals("EmitPipelineFailed", choose("HoldsDeploymentLease", Map.of("lease", Map.of("held", false))));
        // a lease that expired and was taken by another run is not this run's to release: carry on
        JsonNode notOurs = definition.state("ReleaseLeaseDeployed").get("Catch").get(0);
        assertEquals("[\"DynamoDB.ConditionalCheckFailedException\"]", notOurs.get("ErrorEquals").toString());
        assertEquals("EmitModelDeployed", notOurs.get("Next").asText());
    }

    @Test
    void theQualityReportIsTheRegistrysModelQualityDocument() {
        JsonNode body = definition.state("WriteQualityReport").get("Arguments").get("Body");
        Object text = evaluate(body, Map.of(), Map.of(
                "prep", Map.of("problemType", "binary_classification", "metric", Map.of("name", "auc")),
                "trained", Map.of("metricValue", 0.91)));
        assertEquals("{\"binary_classification_metrics\":{\"auc\":{\"value\":0.91,\"standard_deviation\":\"NaN\"}}}", text);
    }

    /** direction, threshold (empty: none), minImprovement, champion (empty: none), candidate, expected. */
    @ParameterizedTest(name = "{0} threshold={1} margin={2} champion={3} candidate={4} -> {5}")
    @CsvSource({
        "maximize, 0.6, 0.0,  ,     0.70, true",   // first model above the threshold
        "maximize, 0.6, 0.0,  ,     0.55, false",  // first model below the threshold
        "maximize, 0.6, 0.0,  0.80, 0.85, true",   // beats the champion
        "maximize, 0.6, 0.0,  0.80, 0.80, false",  // a tie is not an improvement
        "maximize, 0.6, 0.01, 0.80, 0.805, false", // better, but by less than the margin
        "maximize, 0.6, 0.01, 0.80, 0.82, true",
        "maximize, 0.9, 0.0,  0.80, 0.85, false",  // beats the champion but misses the threshold
        "minimize,    , 0.0,  0.50, 0.40, true",   // regression: no threshold, lower rmse wins
        "minimize,    , 0.0,  0.50, 0.60, false",
        "minimize,    , 0.05, 0.50, 0.47, false",
        "minimize, 0.5, 0.0,  ,     0.45, true",
        "minimize, 0.5, 0.0,  ,     0.55, false",
    })
    void gateIsDirectionAwareAndNeedsThresholdAndMargin(String direction, Double threshold, double margin,
            Double champion, double candidate, boolean expected) {
        Map<String, Object> metric = new HashMap<>(Map.of("name", direction.equals("maximize") ? "auc" : "rmse",
                "direction", direction, "minImprovement", margin));
        if (threshold != null) {
            metric.put("threshold", threshold);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("prep", Map.of("metric", metric));
        variables.put("trained", Map.of("metricValue", candidate));
        variables.put("champion", champion == null ? null
                : Map.of("metricName", metric.get("name"), "metricValue", champion, "version", "000001"));
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) evaluate(
                definition.state("EvaluateGate").get("Assign").get("gate"), Map.of(), variables);
        assertEquals(expected, gate.get("passed"), () -> String.valueOf(gate.get("reason")));
        assertTrue(((String) gate.get("reason")).startsWith(metric.get("name") + " "), () -> (String) gate.get("reason"));
        assertEquals(expected ? "CreateModel" : "RejectModelPackage", choose("Gate", Map.of("gate", gate)));
    }

    @Test
    void aChampionMeasuredWithAnotherMetricIsNotComparedWith() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("prep", Map.of("metric", Map.of("name", "auc", "direction", "maximize", "threshold", 0.6,
                "minImprovement", 0.0)));
        variables.put("trained", Map.of("metricValue", 0.7));
        variables.put("champion", Map.of("metricName", "error", "metricValue", 0.1, "version", "000001"));
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) evaluate(
                definition.state("EvaluateGate").get("Assign").get("gate"), Map.of(), variables);
        assertEquals(true, gate.get("passed"));
        assertNull(gate.get("championMetricValue"));
    }

    @Test
    void endpointConfigIsServerlessUnlessTheModelAsksForInstances() {
        JsonNode variants = definition.state("CreateEndpointConfig").get("Arguments").get("ProductionVariants");
        Map<String, Object> serverless = Map.of("trainingJobName", "mlpipe-churn-1", "endpoint",
                Map.of("mode", "serverless", "memorySizeMb", 2048, "maxConcurrency", 5, "instanceType", "ml.m5.large",
                        "instanceCount", 1));
        assertEquals(List.of(Map.of("VariantName", "AllTraffic", "ModelName", "mlpipe-churn-1",
                "ServerlessConfig", Map.of("MemorySizeInMB", 2048, "MaxConcurrency", 5))),
                evaluate(variants, Map.of(), Map.of("prep", serverless)));
        Map<String, Object> instance = Map.of("trainingJobName", "mlpipe-churn-1", "endpoint",
                Map.of("mode", "instance", "instanceType", "ml.c5.large", "instanceCount", 2));
        assertEquals(List.of(Map.of("VariantName", "AllTraffic", "ModelName", "mlpipe-churn-1",
                "InitialInstanceCount", 2, "InstanceType", "ml.c5.large", "InitialVariantWeight", 1)),
                evaluate(variants, Map.of(), Map.of("prep", instance)));
    }

    @Test
    void endpointIsCreatedOrUpdatedThenPolledUntilInServiceOrFailed() {
        assertEquals("UpdateEndpoint", choose("EndpointExists", Map.of("endpoint", Map.of("exists", true))));
        assertEquals("CreateEndpoint", choose("EndpointExists", Map.of("endpoint", Map.of("exists", false))));
        assertEquals(Pipeline.ENDPOINT_POLL_SECONDS, definition.state("WaitForEndpoint").get("Seconds").asInt());
        assertEquals("'mlpipe-' & $run.model",
                StateMachineDefinition.expression(definition.state("CreateEndpoint").get("Arguments").get("EndpointName")));

        Map<String, Object> prep = Map.of("trainingJobName", "mlpipe-churn-2");
        assertEquals("ApproveModelPackage", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "InService", "configName", "mlpipe-churn-2", "polls", 3))));
        assertEquals("WaitForEndpoint", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "Updating", "configName", "mlpipe-churn-1", "polls", 3))));
        assertEquals("WaitForEndpoint", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "Creating", "configName", "mlpipe-churn-2", "polls", 1))));
        assertEquals("EndpointNotInService", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "Failed", "configName", "mlpipe-churn-2", "polls", 4))));
        // the update failed and SageMaker rolled back to the previous config
        assertEquals("EndpointNotInService", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "InService", "configName", "mlpipe-churn-1", "polls", 9))));
        assertEquals("EndpointNotInService", choose("EndpointStatus", Map.of("prep", prep,
                "endpoint", Map.of("status", "Updating", "configName", "mlpipe-churn-1", "polls", Pipeline.ENDPOINT_MAX_POLLS))));
    }

    @Test
    void theChampionPointerAndItemsFollowTheContract() {
        JsonNode champion = definition.state("SetChampion").get("Arguments").get("Item");
        assertEquals(List.of("model", "version", "championVersion", "endpointName", "modelPackageArn", "metricName",
                "metricValue", "featuresUri", "problemType", "updatedAt"), names(champion));
        assertEquals("champion", champion.get("version").get("S").asText());
        assertTrue(champion.get("metricValue").has("N"));
        JsonNode version = definition.state("RecordDeployedVersion").get("Arguments").get("Item");
        assertEquals(List.of("model", "version", "modelPackageArn", "runId", "metricName", "metricValue", "approval",
                "featuresUri", "artifactUri", "createdAt"), names(version));
        assertEquals("Approved", version.get("approval").get("S").asText());
        assertEquals("Rejected", definition.state("RecordRejectedVersion").get("Arguments").get("Item").get("approval")
                .get("S").asText());
        JsonNode deployed = definition.state("RecordRunDeployed").get("Arguments").get("ExpressionAttributeValues");
        assertEquals("DEPLOYED", deployed.get(":status").get("S").asText());
        assertEquals("DEPLOY", deployed.get(":decision").get("S").asText());
        JsonNode rejected = definition.state("RecordRunRejected").get("Arguments").get("ExpressionAttributeValues");
        assertEquals("REJECTED", rejected.get(":status").get("S").asText());
        assertEquals("REJECT", rejected.get(":decision").get("S").asText());
    }

    @Test
    void eventsGoToTheDefaultBusWithSourceMlpipe() {
        Map<String, String> emitters = Map.of("EmitModelDeployed", "ModelDeployed", "EmitModelRejected", "ModelRejected",
                "EmitPipelineFailed", "PipelineFailed");
        emitters.forEach((state, detailType) -> {
            JsonNode entry = definition.state(state).get("Arguments").get("Entries").get(0);
            assertEquals("mlpipe", entry.get("Source").asText(), state);
            assertEquals(detailType, entry.get("DetailType").asText(), state);
            assertTrue(definition.state(state).get("Resource").asText().endsWith(":states:::events:putEvents"));
        });
        Map<String, Object> variables = new HashMap<>();
        variables.put("run", Map.of("model", "churn", "runId", "r-1"));
        variables.put("modelVersion", null);
        variables.put("failure", Map.of("Error", "DataValidationError", "Cause", "row 3, column age: expected a number"));
        Object detail = evaluate(definition.state("EmitPipelineFailed").get("Arguments").get("Entries").get(0).get("Detail"),
                Map.of("context", Map.of("Execution", Map.of("Id", "arn:aws:states:eu-west-1:1:execution:m:e"))), variables);
        assertEquals(Map.of("model", "churn", "runId", "r-1", "executionArn", "arn:aws:states:eu-west-1:1:execution:m:e",
                "error", "DataValidationError", "cause", "row 3, column age: expected a number"), detail);
    }

    @Test
    void everyJsonataExpressionParsesAndUsesOnlyAssignedVariables() {
        List<String> expressions = new ArrayList<>();
        collectExpressions(definition.json, expressions);
        assertTrue(expressions.size() > 80, "found " + expressions.size());
        Set<String> assigned = new LinkedHashSet<>(List.of("states"));
        definition.states().forEach(state -> {
            state.path("Assign").fieldNames().forEachRemaining(assigned::add);
            state.path("Catch").forEach(c -> c.path("Assign").fieldNames().forEachRemaining(assigned::add));
        });
        Pattern variable = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*+)(?!\\s*\\()");
        Pattern local = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=");
        for (String text : expressions) {
            String expression = text.substring(2, text.length() - 2).trim();
            Jsonata.jsonata(expression); // throws on a syntax error
            Set<String> locals = new LinkedHashSet<>();
            local.matcher(expression).results().forEach(m -> locals.add(m.group(1)));
            // string literals may hold a '$' that is not a variable
            String code = expression.replaceAll("'[^']*'", "''");
            variable.matcher(code).results().map(m -> m.group(1))
                    .filter(name -> !locals.contains(name) && !assigned.contains(name))
                    .forEach(name -> { throw new AssertionError("$" + name + " is never assigned, in: " + expression); });
        }
    }

    private static void collectExpressions(JsonNode node, List<String> out) {
        if (node.isTextual() && node.asText().startsWith("{%")) {
            out.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectExpressions(child, out));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }
}
