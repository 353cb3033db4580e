package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.twin.Twin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * The workflow module's synthesized template (never a hand-written copy) loaded into the twin with this
 * service and the local SageMaker, as {@code mlpipe up} runs it.
 */
class RealTemplateTest {
    static final Path TEMPLATE = Path.of("../../workflow/target/cdk.out/Mlpipe.template.json");
    static final Path CHURN = Path.of("../../tasks/src/test/resources/csv/churn.csv");
    private static Twin twin;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.exists(TEMPLATE), "build the workflow module first (mvn -pl workflow -am package)");
        Path data = Files.createTempDirectory(Path.of("target"), "real-template-");
        twin = Twin.builder().dataDirectory(data).port(0).waitScale(0.01).template(TEMPLATE)
                .plugin(new io.mlpipe.twin.sagemaker.SageMakerPlugin()).plugin(new StepFunctionsPlugin()).build().start();
    }

    @AfterAll
    static void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void theSynthesizedStateMachineIsCreatedAndItsDefinitionValidates() throws Exception {
        assertTrue(twin.unclaimedStateMachines().isEmpty());
        SfnClient sfn = Clients.sfn(twin.endpoint());
        List<StateMachineListItem> machines = sfn.listStateMachines().stateMachines();
        assertEquals(1, machines.size(), machines::toString);
        String arn = machines.get(0).stateMachineArn();
        assertEquals(twin.info().stateMachineArn(), arn);

        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertEquals("JSONata", StateMachineDefinition.parse(d.definition()).queryLanguage().text());
        assertFalse(d.definition().contains("Fn::"), "every intrinsic is resolved");
        assertEquals(ValidateStateMachineDefinitionResultCode.OK,
                sfn.validateStateMachineDefinition(b -> b.definition(d.definition())).result());
    }

    @Test
    void aCsvDroppedIntoIncomingRunsThePipelineToADeployedModel() throws Exception {
        SfnClient sfn = Clients.sfn(twin.endpoint());
        String machine = twin.info().stateMachineArn();
        Clients.s3(twin.endpoint()).putObject(b -> b.bucket(twin.info().bucket()).key("incoming/churn/2026-11-26.csv"),
                RequestBody.fromFile(CHURN));
        String execution = null;
        for (int i = 0; i < 300 && execution == null; i++) {
            execution = sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().stream()
                    .map(e -> e.executionArn()).findFirst().orElse(null);
            Machines.sleep(100);
        }
        assertTrue(execution != null, "the upload started no execution");
        String arn = execution;
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn, Duration.ofMinutes(5));
        assertEquals(ExecutionStatus.SUCCEEDED, d.status(), () -> Machines.explain(sfn, arn));
        JsonNode output = new ObjectMapper().readTree(d.output());
        assertEquals("churn", output.path("model").asText(), d.output());
        // preprocess, XGBoost training, registry, gate and endpoint deployment all ran on the twin's services
        assertEquals("DEPLOYED", output.path("status").asText(), d.output());
        assertEquals("auc", output.path("metricName").asText(), d.output());
    }
}
