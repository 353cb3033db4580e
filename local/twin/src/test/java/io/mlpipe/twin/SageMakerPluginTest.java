package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.twin.sagemaker.SageMakerPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

/** Local SageMaker plugged into the edge: its API and runtime through the SDK, the template's model package group. */
class SageMakerPluginTest {
    private static Twin twin;

    @BeforeAll
    static void start() throws Exception {
        twin = Twin.builder().dataDirectory(Files.createTempDirectory(Path.of("target"), "sagemaker-")).port(0).waitScale(0)
                .template(Path.of("src/test/resources/templates/SageMaker.template.json"))
                .plugin(new SageMakerPlugin()).build().start();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void templateModelPackageGroupIsCreatedThroughTheSageMakerApi() {
        SageMakerClient sageMaker = Clients.configure(SageMakerClient.builder().httpClient(UrlConnectionHttpClient.create()),
                twin.endpoint());
        assertEquals("mlpipe-churn", sageMaker.describeModelPackageGroup(d -> d.modelPackageGroupName("mlpipe-churn"))
                .modelPackageGroupName());
        assertEquals("running", twin.health().get("sagemaker"));
    }

    @Test
    void runtimeAnswersOnTheEdge() {
        SageMakerRuntimeClient runtime = Clients.configure(SageMakerRuntimeClient.builder()
                .httpClient(UrlConnectionHttpClient.create()), twin.endpoint());
        SageMakerRuntimeException error = assertThrows(SageMakerRuntimeException.class, () -> runtime.invokeEndpoint(i -> i
                .endpointName("no-such-endpoint").contentType("text/csv").body(SdkBytes.fromUtf8String("1,2"))));
        assertTrue(error.statusCode() >= 400 && error.statusCode() < 500, String.valueOf(error.statusCode()));
    }
}
