package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * As on AWS, UpdateEndpoint on an endpoint that is Creating or Updating is a ValidationException, so a second
 * deployment fails visibly instead of silently replacing the configuration of the one in progress.
 */
class EndpointInProgressRefusesUpdatesTest {
    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0.02); // a deployment takes 1.2 s
        String artifact = TestModels.uploadConstantModel(fx, "busy/model.tar.gz", 2);
        for (String name : List.of("busy-one", "busy-two", "busy-three")) {
            TestModels.modelAndConfig(fx, name, artifact, true);
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static SageMakerException refusedUpdate(String endpoint, String config) {
        return assertThrows(SageMakerException.class,
                () -> fx.api.updateEndpoint(b -> b.endpointName(endpoint).endpointConfigName(config)));
    }

    private static void assertInProgressError(SageMakerException e, String endpoint) {
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        assertEquals("Cannot update in-progress endpoint \"arn:aws:sagemaker:us-east-1:000000000000:endpoint/" + endpoint
                + "\".", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anEndpointBeingCreatedOrUpdatedRefusesAnotherUpdate() {
        fx.api.createEndpoint(b -> b.endpointName("busy").endpointConfigName("busy-one"));
        assertEquals(EndpointStatus.CREATING, fx.api.describeEndpoint(b -> b.endpointName("busy")).endpointStatus());
        assertInProgressError(refusedUpdate("busy", "busy-two"), "busy");
        assertEquals(EndpointStatus.IN_SERVICE, fx.awaitEndpoint("busy").endpointStatus());

        fx.api.updateEndpoint(b -> b.endpointName("busy").endpointConfigName("busy-two"));
        assertEquals(EndpointStatus.UPDATING, fx.api.describeEndpoint(b -> b.endpointName("busy")).endpointStatus());
        assertInProgressError(refusedUpdate("busy", "busy-three"), "busy");
        var updated = fx.awaitEndpoint("busy");
        assertEquals(EndpointStatus.IN_SERVICE, updated.endpointStatus());
        assertEquals("busy-two", updated.endpointConfigName(), "the refused update changed nothing");
    }
}
