package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.twin.spi.StateMachineDefinition;
import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import io.mlpipe.twin.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the loader makes of a template: info, the skipped types, state machines handed to the seam, clear failures. */
class TemplateLoadingTest {
    private final Twin twin = SharedTwin.get();

    @Test
    void infoNamesTheStacksResources() {
        TwinInfo info = twin.info();
        assertTrue(info.bucket().matches("pipeline-databuckete3889a50-[a-z0-9]{13}"), info.bucket());
        assertTrue(info.stateMachineArn().startsWith("arn:aws:states:us-east-1:000000000000:stateMachine:pipeline-PipelineStateMachine"));
        assertTrue(info.apiUrl().startsWith(twin.endpoint() + "/restapis/"), info.apiUrl());
        assertTrue(info.apiUrl().endsWith("/v1/_user_request_/"), info.apiUrl());
        assertEquals(1, info.tables().size());
    }

    @Test
    void unsupportedTypesAreListedAsSkipped() {
        var skipped = twin.stack().skipped();
        assertEquals(List.of("EchoFunctionRoleA1B2C3D4", "PipelineRole61BEBDFF"), skipped.get("AWS::IAM::Role"));
        assertTrue(skipped.containsKey("AWS::CloudWatch::Dashboard"));
        assertTrue(skipped.containsKey("AWS::Lambda::Function (python3.13)"));
        assertFalse(twin.queues().names().stream().anyMatch(n -> n.contains("NeverQueue")), "resource whose Condition is false");
    }

    @Test
    void stateMachinesGoToThePluggedInStepFunctionsService() throws Exception {
        List<StateMachineDefinition> registered = new CopyOnWriteArrayList<>();
        List<String> started = new CopyOnWriteArrayList<>();
        TwinPlugin stepFunctions = new TwinPlugin() {
            @Override
            public String name() {
                return "stepfunctions";
            }

            @Override
            public void start(TwinContext context) {
                context.stateMachines(registered::add, (arn, input, role) -> {
                    started.add(arn + " " + input);
                    return arn.replace(":stateMachine:", ":execution:") + ":run";
                });
            }
        };
        Path data = Files.createTempDirectory(Path.of("target"), "plugin-");
        try (Twin withPlugin = Twin.builder().dataDirectory(data).port(0).waitScale(0.01)
                .template(Path.of("src/test/resources/templates/pipeline.template.json")).plugin(stepFunctions).build().start()) {
            StateMachineDefinition machine = registered.get(0);
            assertEquals(withPlugin.info().stateMachineArn(), machine.arn());
            assertTrue(machine.definition().contains("\"TableName\":\"" + withPlugin.info().tables().get("RunsTable1A2B3C4D") + "\""));
            assertTrue(machine.definition().contains("arn:aws:states:::lambda:invoke"));
            assertTrue(machine.definition().contains("683313688378.dkr.ecr.us-east-1.amazonaws.com/xgboost"));
            assertTrue(machine.roleArn().startsWith("arn:aws:iam::000000000000:role/"));
            assertEquals("STANDARD", machine.type());
            assertNotNull(machine.loggingConfiguration());

            Clients.s3(withPlugin.endpoint()).putObject(p -> p.bucket(withPlugin.info().bucket()).key("incoming/m/a.csv"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            String start = Poll.until(() -> started.stream().findFirst(), java.time.Duration.ofSeconds(10), "a StartExecution");
            assertTrue(start.startsWith(machine.arn() + " {"), start);
            assertTrue(start.contains("\"detail-type\":\"Object Created\""), start);
        }
    }

    @Test
    void templateItCannotRunFailsClearly() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bad-template-");
        Path transform = dir.resolve("Sam.template.json");
        Files.writeString(transform, "{\"Transform\":\"AWS::Serverless-2016-10-31\",\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}}");
        TemplateException sam = assertThrows(TemplateException.class,
                () -> Twin.builder().dataDirectory(dir.resolve("data")).port(0).template(transform).build().start());
        assertTrue(sam.getMessage().contains("Transform"), sam.getMessage());

        Path broken = dir.resolve("Broken.template.json");
        Files.writeString(broken, "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\",\"Properties\":{\"QueueName\":{\"Ref\":\"Missing\"}}}}}");
        TemplateException missing = assertThrows(TemplateException.class,
                () -> Twin.builder().dataDirectory(dir.resolve("data2")).port(0).template(broken).build().start());
        assertTrue(missing.getMessage().contains("Q (AWS::SQS::Queue)") && missing.getMessage().contains("Missing"), missing.getMessage());

        TemplateException absent = assertThrows(TemplateException.class, () -> Twin.builder().dataDirectory(dir.resolve("data3"))
                .port(0).template(dir.resolve("none.json")).build().start());
        assertTrue(absent.getMessage().contains("no template"), absent.getMessage());
    }
}
