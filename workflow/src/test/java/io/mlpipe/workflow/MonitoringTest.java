package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms to an encrypted SNS topic, and the dashboard. */
class MonitoringTest {

    private final Template template = SynthesizedStack.get().template;

    @Test
    void alarmsWatchFailuresErrors5xxAndDeadLettersAndNotifyTheTopic() {
        var alarms = template.findResources("AWS::CloudWatch::Alarm");
        assertEquals(6, alarms.size());
        List<String> metrics = alarms.values().stream()
                .map(a -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) a).get("Properties")).get("MetricName"))).sorted().toList();
        assertEquals(List.of("5XXError", "ApproximateNumberOfMessagesVisible", "Errors", "Errors", "ExecutionsFailed",
                "ExecutionsTimedOut"), metrics);
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("MonitoringAlarmTopic.*"))),
                "Threshold", 1,
                "TreatMissingData", "notBreaching")));
    }

    @Test
    void topicIsEncryptedWithARotatedKeyCloudWatchMayUse() {
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("MonitoringAlarmTopicKey.*"), "Arn")))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"))))))))));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void noEmailSubscriptionUnlessConfigured() {
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void dashboardShowsThePipelineTheLambdasTheApiAndTheEndpoints() {
        String body = String.valueOf(template.findResources("AWS::CloudWatch::Dashboard").values());
        for (String metric : List.of("ExecutionsStarted", "ExecutionsSucceeded", "ExecutionsFailed", "ExecutionTime",
                "ServiceIntegrationRunTime", "createTrainingJob.sync", "Errors", "Duration", "Latency", "4XXError",
                "5XXError", "AWS/SageMaker", "Invocations")) {
            assertTrue(body.contains(metric), "dashboard shows " + metric);
        }
    }
}
