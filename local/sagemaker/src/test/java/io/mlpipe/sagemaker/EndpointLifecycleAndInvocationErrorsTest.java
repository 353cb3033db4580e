package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.EndpointSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** Models, configs and endpoints as AWS answers them, and InvokeEndpoint's formats and errors. */
class EndpointLifecycleAndInvocationErrorsTest {
    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0);
        TestModels.modelAndConfig(fx, "three", TestModels.uploadConstantModel(fx, "life/three/model.tar.gz", 3), false);
        fx.api.createEndpoint(b -> b.endpointName("life").endpointConfigName("three"));
        fx.awaitEndpoint("life");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static InvokeEndpointResponse invoke(String endpoint, String contentType, String accept, String body) {
        return fx.runtime.invokeEndpoint(b -> b.endpointName(endpoint).contentType(contentType).accept(accept)
                .body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void answersOneValuePerRowInCsvOrJson() throws Exception {
        InvokeEndpointResponse csv = invoke("life", "text/csv", null, "1,2,3,4,5\n0,,1,1,1\n");
        assertEquals("text/csv", csv.contentType());
        assertEquals("AllTraffic", csv.invokedProductionVariant());
        String[] values = csv.body().asUtf8String().split(",");
        assertEquals(2, values.length);
        assertEquals(3.0, Double.parseDouble(values[0]), 0.01);

        InvokeEndpointResponse json = invoke("life", "text/csv", "application/json", "1,2,3,4,5\n0,,1,1,1");
        assertEquals("application/json", json.contentType());
        var array = Json.MAPPER.readTree(json.body().asUtf8String());
        assertEquals(2, array.size());
        assertEquals(Double.parseDouble(values[1]), array.get(1).asDouble(), 1e-6);

        InvokeEndpointResponse libsvm = invoke("life", "text/libsvm", null, "0:1 1:2 2:3 3:4 4:5");
        assertEquals(values[0], libsvm.body().asUtf8String());
    }

    @Test
    void badPayloadsAreModelErrorsWithTheContainersStatus() {
        ModelErrorException notNumbers = assertThrows(ModelErrorException.class,
                () -> invoke("life", "text/csv", null, "1,2,x,4,5"));
        assertEquals(424, notNumbers.statusCode());
        assertEquals(415, notNumbers.originalStatusCode());
        assertTrue(notNumbers.originalMessage().contains("could not convert string to float: 'x'"));

        ModelErrorException wrongWidth = assertThrows(ModelErrorException.class,
                () -> invoke("life", "text/csv", null, "1,2,3"));
        assertEquals(400, wrongWidth.originalStatusCode());
        assertTrue(wrongWidth.originalMessage().contains("Feature size of csv inference data 3 is not consistent "
                + "with feature size of trained model 5"));

        ModelErrorException json = assertThrows(ModelErrorException.class,
                () -> invoke("life", "application/json", null, "{\"rows\":[]}"));
        assertEquals(415, json.originalStatusCode());
    }

    @Test
    void anArtifactThatIsNotAModelFailsTheEndpoint() throws Exception {
        java.io.ByteArrayOutputStream tar = new java.io.ByteArrayOutputStream();
        io.mlpipe.sagemaker.common.TarGz.write(java.util.Map.of("xgboost-model",
                "{\"learner\": \"not really\"}".getBytes(StandardCharsets.UTF_8)), 0, tar);
        fx.s3.putObject(b -> b.bucket(SharedS3.BUCKET).key("life/garbage/model.tar.gz"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(tar.toByteArray()));
        TestModels.modelAndConfig(fx, "garbage", LocalSageMakerFixture.s3("life/garbage/model.tar.gz"), true);
        fx.api.createEndpoint(b -> b.endpointName("garbage").endpointConfigName("garbage"));

        var endpoint = fx.awaitEndpoint("garbage");
        assertEquals("Failed", endpoint.endpointStatusAsString());
        assertTrue(endpoint.failureReason().startsWith("Unable to load model garbage from "), endpoint.failureReason());
        invoke("life", "text/csv", null, "1,2,3,4,5"); // and the rest goes on
    }

    @Test
    void unknownEndpointsAreValidationErrors() {
        ValidationErrorException e = assertThrows(ValidationErrorException.class,
                () -> invoke("nope", "text/csv", null, "1,2,3,4,5"));
        assertEquals("Endpoint nope of account 000000000000 not found.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void duplicatesAndMissingResourcesGetAwsMessages() {
        SageMakerException model = assertThrows(SageMakerException.class, () -> TestModels.modelAndConfig(fx, "three",
                LocalSageMakerFixture.s3("life/three/model.tar.gz"), false));
        assertEquals("Cannot create already existing model \"arn:aws:sagemaker:us-east-1:000000000000:model/three\".",
                model.awsErrorDetails().errorMessage());
        SageMakerException endpoint = assertThrows(SageMakerException.class,
                () -> fx.api.createEndpoint(b -> b.endpointName("life").endpointConfigName("three")));
        assertEquals("Cannot create already existing endpoint \"arn:aws:sagemaker:us-east-1:000000000000:endpoint/life\".",
                endpoint.awsErrorDetails().errorMessage());
        SageMakerException config = assertThrows(SageMakerException.class,
                () -> fx.api.createEndpoint(b -> b.endpointName("other").endpointConfigName("no-config")));
        assertEquals("Could not find endpoint configuration \"arn:aws:sagemaker:us-east-1:000000000000:endpoint-config/"
                + "no-config\".", config.awsErrorDetails().errorMessage());
        SageMakerException variantModel = assertThrows(SageMakerException.class, () -> fx.api.createEndpointConfig(b -> b
                .endpointConfigName("orphan").productionVariants(v -> v.variantName("AllTraffic").modelName("ghost")
                        .serverlessConfig(s -> s.memorySizeInMB(2048).maxConcurrency(1)))));
        assertEquals("Could not find model \"arn:aws:sagemaker:us-east-1:000000000000:model/ghost\".",
                variantModel.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", variantModel.awsErrorDetails().errorCode());
    }

    @Test
    void deletedEndpointsStopAnsweringAndLeaveTheList() {
        TestModels.modelAndConfig(fx, "temporary", LocalSageMakerFixture.s3("life/three/model.tar.gz"), true);
        fx.api.createEndpoint(b -> b.endpointName("short-lived").endpointConfigName("temporary"));
        fx.awaitEndpoint("short-lived");
        assertTrue(fx.api.listEndpoints(b -> b.nameContains("short")).endpoints().stream()
                .map(EndpointSummary::endpointName).toList().contains("short-lived"));
        invoke("short-lived", "text/csv", null, "1,2,3,4,5");

        assertTrue(fx.api.listModels(b -> b.nameContains("tempor")).models().stream()
                .anyMatch(m -> m.modelName().equals("temporary")));
        assertEquals("temporary", fx.api.listEndpointConfigs(b -> b.nameContains("tempor")).endpointConfigs().get(0)
                .endpointConfigName());
        assertEquals(2048, fx.api.describeEndpointConfig(b -> b.endpointConfigName("temporary")).productionVariants()
                .get(0).serverlessConfig().memorySizeInMB());
        fx.api.deleteEndpoint(b -> b.endpointName("short-lived"));
        assertThrows(ValidationErrorException.class, () -> invoke("short-lived", "text/csv", null, "1,2,3,4,5"));
        assertTrue(fx.api.listEndpoints(b -> b.nameContains("short")).endpoints().isEmpty());
        SageMakerException e = assertThrows(SageMakerException.class,
                () -> fx.api.describeEndpoint(b -> b.endpointName("short-lived")));
        assertEquals("Could not find endpoint \"arn:aws:sagemaker:us-east-1:000000000000:endpoint/short-lived\".",
                e.awsErrorDetails().errorMessage());
        fx.api.deleteEndpointConfig(b -> b.endpointConfigName("temporary"));
        fx.api.deleteModel(b -> b.modelName("temporary"));
        assertThrows(SageMakerException.class, () -> fx.api.describeModel(b -> b.modelName("temporary")));
        assertThrows(SageMakerException.class, () -> fx.api.describeEndpointConfig(b -> b.endpointConfigName("temporary")));
    }
}
