package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.twin.Twin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The workflow module's synthesized template (never a hand-written copy), loaded into the twin with this service. */
class RealTemplateTest {
    static final Path TEMPLATE = Path.of("../../workflow/target/cdk.out/Mlpipe.template.json");

    @Test
    void theSynthesizedStateMachineIsCreatedAndItsDefinitionValidates() throws Exception {
        assumeTrue(Files.exists(TEMPLATE), "build the workflow module first (mvn -pl workflow -am package)");
        Path data = Files.createTempDirectory(Path.of("target"), "real-template-");
        try (Twin twin = Twin.builder().dataDirectory(data).port(0).waitScale(0.01).template(TEMPLATE)
                .plugin(new LocalSageMakerPlugin()).plugin(new StepFunctionsPlugin()).build().start()) {
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
    }
}
