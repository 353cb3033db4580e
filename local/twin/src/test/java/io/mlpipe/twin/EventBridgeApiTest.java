package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The EventBridge API through the SDK: rules, targets, PutEvents matched by event-ruler, input shaping. */
class EventBridgeApiTest {
    private final Twin twin = SharedTwin.get();
    private final EventBridgeClient events = Clients.events(twin.endpoint());
    private final SqsClient sqs = Clients.sqs(twin.endpoint());

    @Test
    void rulesAndTargetsHaveTheirWholeLifecycle() {
        String arn = events.putRule(r -> r.name("lifecycle").eventPattern("{\"source\":[\"mlpipe\"]}")
                .description("d")).ruleArn();
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/lifecycle", arn);
        assertEquals(RuleState.ENABLED, events.describeRule(d -> d.name("lifecycle")).state());
        assertTrue(events.listRules(l -> l.namePrefix("life")).rules().stream().anyMatch(r -> r.name().equals("lifecycle")));
        events.disableRule(d -> d.name("lifecycle"));
        assertEquals(RuleState.DISABLED, events.describeRule(d -> d.name("lifecycle")).state());
        events.enableRule(d -> d.name("lifecycle"));
        events.putTargets(p -> p.rule("lifecycle").targets(Target.builder().id("q").arn("arn:aws:sqs:us-east-1:000000000000:x").build()));
        assertEquals("q", events.listTargetsByRule(l -> l.rule("lifecycle")).targets().get(0).id());
        assertThrows(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                () -> events.deleteRule(d -> d.name("lifecycle")));
        events.removeTargets(r -> r.rule("lifecycle").ids("q"));
        events.deleteRule(d -> d.name("lifecycle"));
        assertThrows(ResourceNotFoundException.class, () -> events.describeRule(d -> d.name("lifecycle")));
    }

    @Test
    void targetWithAnUnusableInputPathIsRefused() {
        events.putRule(r -> r.name("paths").eventPattern("{\"source\":[\"x\"]}"));
        assertThrows(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class, () -> events.putTargets(p -> p
                .rule("paths").targets(Target.builder().id("t").arn("arn:aws:sqs:us-east-1:000000000000:q").inputPath("detail").build())));
        assertTrue(events.listTargetsByRule(l -> l.rule("paths")).targets().isEmpty());
    }

    @Test
    void invalidPatternIsRefused() {
        assertThrows(InvalidEventPatternException.class,
                () -> events.putRule(r -> r.name("bad").eventPattern("{\"source\": \"not-an-array\"}")));
    }

    @Test
    void putEventsDeliversMatchingEventsWithInputPathOrConstantInput() throws Exception {
        String queueUrl = sqs.createQueue(c -> c.queueName("events-api-target")).queueUrl();
        String queueArn = twin.queues().arn("events-api-target");
        events.putRule(r -> r.name("deployed").eventPattern("{\"source\":[\"mlpipe\"],\"detail-type\":[\"ModelDeployed\"]}"));
        events.putTargets(p -> p.rule("deployed").targets(
                Target.builder().id("detail").arn(queueArn).inputPath("$.detail").build(),
                Target.builder().id("constant").arn(queueArn).input("{\"fixed\":true}").build()));

        PutEventsResponse put = events.putEvents(p -> p.entries(
                e -> e.source("mlpipe").detailType("ModelDeployed").detail("{\"model\":\"churn\"}"),
                e -> e.source("mlpipe").detailType("ModelRejected").detail("{\"model\":\"other\"}"),
                e -> e.source("mlpipe").detailType("ModelDeployed").detail("not json")));
        assertEquals(1, put.failedEntryCount());
        assertEquals("MalformedDetail", put.entries().get(2).errorCode());

        JsonNode first = Json.MAPPER.readTree(receive(queueUrl));
        JsonNode second = Json.MAPPER.readTree(receive(queueUrl));
        assertEquals(java.util.Set.of("{\"model\":\"churn\"}", "{\"fixed\":true}"),
                java.util.Set.of(first.toString(), second.toString()));
    }

    private String receive(String queueUrl) {
        var message = Poll.until(() -> sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages().stream()
                .findFirst(), Duration.ofSeconds(10), "a delivered event");
        sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        return message.body();
    }
}
