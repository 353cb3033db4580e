package io.mlpipe.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/**
 * UpdateEndpoint while clients keep invoking: every request is answered, first by the old model, then by the
 * new one; a failed update leaves the old model serving.
 */
class EndpointUpdateSwapsModelsWithoutFailedRequestsTest {
    @TempDir
    static Path dataDir;
    static LocalSageMakerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new LocalSageMakerFixture(dataDir, 0.02); // a deployment takes 1.2 s
        TestModels.modelAndConfig(fx, "model-one", TestModels.uploadConstantModel(fx, "swap/one/model.tar.gz", 1), false);
        TestModels.modelAndConfig(fx, "model-five", TestModels.uploadConstantModel(fx, "swap/five/model.tar.gz", 5), true);
        TestModels.modelAndConfig(fx, "model-missing", LocalSageMakerFixture.s3("swap/missing/model.tar.gz"), false);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void updateSwapsModelsWithNoFailedRequest() throws Exception {
        fx.api.createEndpoint(b -> b.endpointName("swap").endpointConfigName("model-one"));
        assertEquals(EndpointStatus.CREATING, fx.api.describeEndpoint(b -> b.endpointName("swap")).endpointStatus());
        DescribeEndpointResponse created = fx.awaitEndpoint("swap");
        assertEquals(EndpointStatus.IN_SERVICE, created.endpointStatus());
        assertEquals(1, created.productionVariants().get(0).currentInstanceCount());
        assertEquals(LocalSageMakerFixture.XGBOOST_IMAGE,
                created.productionVariants().get(0).deployedImages().get(0).specifiedImage());

        ConcurrentLinkedQueue<Long> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        String body = fx.runtime.invokeEndpoint(b -> b.endpointName("swap").contentType("text/csv")
                                .body(SdkBytes.fromString("1,2,3,4,5", StandardCharsets.UTF_8))).body().asUtf8String();
                        answers.add(Math.round(Double.parseDouble(body)));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        Thread.sleep(200);
        fx.api.updateEndpoint(b -> b.endpointName("swap").endpointConfigName("model-five"));
        assertEquals(EndpointStatus.UPDATING, fx.api.describeEndpoint(b -> b.endpointName("swap")).endpointStatus());
        DescribeEndpointResponse updated = fx.awaitEndpoint("swap");
        Thread.sleep(300);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }

        assertEquals(0, failures.get(), () -> "failed requests, first: " + firstFailure.get());
        List<Long> seen = List.copyOf(answers);
        assertTrue(seen.size() > 20, "answers: " + seen.size());
        assertEquals(1L, seen.get(0));
        assertEquals(5L, seen.get(seen.size() - 1));
        assertTrue(seen.stream().allMatch(v -> v == 1L || v == 5L));
        assertEquals(EndpointStatus.IN_SERVICE, updated.endpointStatus());
        assertEquals("model-five", updated.endpointConfigName());
        assertEquals(2048, updated.productionVariants().get(0).currentServerlessConfig().memorySizeInMB());
    }

    @Test
    void aFailedUpdateKeepsTheOldModelServing() {
        fx.api.createEndpoint(b -> b.endpointName("keep").endpointConfigName("model-five"));
        fx.awaitEndpoint("keep");
        fx.api.updateEndpoint(b -> b.endpointName("keep").endpointConfigName("model-missing"));
        DescribeEndpointResponse after = LocalSageMakerFixture.await(
                () -> fx.api.describeEndpoint(b -> b.endpointName("keep")),
                e -> e.endpointStatus() != EndpointStatus.UPDATING, java.time.Duration.ofSeconds(30));

        assertEquals(EndpointStatus.IN_SERVICE, after.endpointStatus());
        assertEquals("model-five", after.endpointConfigName());
        assertNotNull(after.failureReason());
        assertTrue(after.failureReason().contains("Failed to extract model data archive"), after.failureReason());
        String body = fx.runtime.invokeEndpoint(b -> b.endpointName("keep").contentType("text/csv")
                .body(SdkBytes.fromString("1,2,3,4,5", StandardCharsets.UTF_8))).body().asUtf8String();
        assertEquals(5, Math.round(Double.parseDouble(body)));
    }

    @Test
    void anEndpointWhoseArtifactCannotLoadFails() {
        fx.api.createEndpoint(b -> b.endpointName("broken").endpointConfigName("model-missing"));
        DescribeEndpointResponse endpoint = fx.awaitEndpoint("broken");
        assertEquals(EndpointStatus.FAILED, endpoint.endpointStatus());
        assertTrue(endpoint.failureReason().contains("swap/missing/model.tar.gz"), endpoint.failureReason());
    }
}
