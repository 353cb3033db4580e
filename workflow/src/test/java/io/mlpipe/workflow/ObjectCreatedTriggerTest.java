package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.events.EventPatterns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The EventBridge rule: the events module's pattern, the state machine target, retries and the DLQ. */
class ObjectCreatedTriggerTest {

    private final Template template = SynthesizedStack.get().template;

    private static JsonNode onlyResource(String type) {
        JsonNode found = null;
        for (JsonNode resource : SynthesizedStack.get().templateJson.get("Resources")) {
            if (type.equals(resource.get("Type").asText())) {
                if (found != null) {
                    throw new AssertionError("more than one " + type);
                }
                found = resource;
            }
        }
        return found;
    }

    @Test
    void ruleUsesTheEventsModulePatternForTheDataBucket() throws Exception {
        JsonNode pattern = onlyResource("AWS::Events::Rule").get("Properties").get("EventPattern");
        // the document, with the bucket placeholder filled by a Ref to the data bucket
        JsonNode expected = SynthesizedStack.JSON.readTree(EventPatterns.objectCreatedJson("BUCKET"));
        String bucketRef = pattern.get("detail").get("bucket").get("name").get(0).get("Ref").asText();
        assertEquals(true, bucketRef.startsWith("StorageData"), bucketRef);
        ((com.fasterxml.jackson.databind.node.ArrayNode) expected.get("detail").get("bucket").get("name"))
                .set(0, SynthesizedStack.JSON.readTree("{\"Ref\":\"" + bucketRef + "\"}"));
        assertEquals(expected, pattern);
    }

    @Test
    void targetIsTheStateMachineWithRetriesAndADeadLetterQueue() {
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", Match.stringLikeRegexp("PipelineStateMachine.*")),
                        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("TriggerDeadLetterQueue.*"), "Arn"))),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", ObjectCreatedTrigger.RETRY_ATTEMPTS,
                                "MaximumEventAgeInSeconds", (int) ObjectCreatedTrigger.MAX_EVENT_AGE.toSeconds())))))));
    }

    @Test
    void aPatternFieldTheRuleWouldDropIsRefused() {
        var document = new java.util.LinkedHashMap<>(EventPatterns.objectCreated("b"));
        document.put("account", List.of("123456789012"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ObjectCreatedTrigger.pattern(document));
    }

    @Test
    void deadLetterQueueIsEncryptedAndSslOnly() {
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Effect", "Allow", "Action", "sqs:SendMessage",
                                "Principal", Map.of("Service", "events.amazonaws.com"))))))))));
    }
}
