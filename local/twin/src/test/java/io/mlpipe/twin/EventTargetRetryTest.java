package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlpipe.twin.spi.TwinContext;
import io.mlpipe.twin.spi.TwinPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A target that keeps failing is retried as its RetryPolicy says (2 here), then the event goes to its dead-letter queue. */
class EventTargetRetryTest {

    @Test
    void failingTargetIsRetriedThenDeadLettered() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        TwinPlugin throttled = new TwinPlugin() {
            @Override
            public String name() {
                return "throttled-stepfunctions";
            }

            @Override
            public void start(TwinContext context) {
                context.stateMachines(machine -> { }, (arn, input, role) -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("Rate exceeded");
                });
            }
        };
        try (Twin twin = Twin.builder().dataDirectory(Files.createTempDirectory(Path.of("target"), "retry-")).port(0)
                .waitScale(0.01).template(Path.of("src/test/resources/templates/pipeline.template.json"))
                .plugin(throttled).build().start()) {
            Clients.s3(twin.endpoint()).putObject(p -> p.bucket(twin.info().bucket()).key("incoming/m/retry.csv"),
                    RequestBody.fromString("x"));
            SqsClient sqs = Clients.sqs(twin.endpoint());
            String dlq = twin.queues().url(twin.queues().names().stream().filter(n -> n.contains("DeadLetter")).findFirst().orElseThrow());
            Message dead = Poll.until(() -> sqs.receiveMessage(r -> r.queueUrl(dlq).messageAttributeNames("All")).messages()
                    .stream().findFirst(), Duration.ofSeconds(15), "the dead-lettered event");
            assertEquals(3, attempts.get());
            assertEquals("2", dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue());
            assertEquals("IllegalStateException", dead.messageAttributes().get("ERROR_CODE").stringValue());
            assertEquals("Rate exceeded", dead.messageAttributes().get("ERROR_MESSAGE").stringValue());
        }
    }
}
