package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import io.mlpipe.it.PipelineUser.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a user sees when things go wrong: a failed training, models that cannot answer, bad requests. */
class FailurePathsTest extends PipelineScenario {

    @Test
    void aFailingTrainingJobFailsTheRunRecordsWhyAndEmitsPipelineFailed() throws Exception {
        String model = PipelineUser.model("train-fails");
        // observe the pipeline's events as a user would: an EventBridge rule to an SQS queue of one's own
        String queueName = "mlpipe-it-" + model;
        String queueUrl = user.clients().sqs().createQueue(r -> r.queueName(queueName)).queueUrl();
        String queueArn = user.clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleName = "mlpipe-it-" + model;
        String pattern = PipelineUser.JSON.writeValueAsString(Map.of("source", List.of("mlpipe"),
                "detail-type", List.of("PipelineFailed"), "detail", Map.of("model", List.of(model))));
        String ruleArn = user.clients().events().putRule(r -> r.name(ruleName).eventPattern(pattern)).ruleArn();
        user.clients().sqs().setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
                        + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":{\"ArnEquals\":"
                        + "{\"aws:SourceArn\":\"" + ruleArn + "\"}}}]}")));
        user.clients().events().putTargets(r -> r.rule(ruleName).targets(t -> t.id("queue").arn(queueArn)));
        try {
            user.putConfig(model, "{\"hyperparameters\": {\"max_depth\": \"-3\"}}");
            Execution execution = user.awaitExecution(user.drop(model, "data.csv", Dataset.of(Kind.BINARY, 71, 200, 10, 0.3).csv()));

            assertEquals(ExecutionStatus.FAILED, execution.status());
            assertTrue(user.statesEntered(execution.arn()).contains("Train"), "it failed in training");
            assertFalse(execution.error().isBlank());
            assertTrue(execution.cause().contains("max_depth"), "the cause names the bad hyperparameter: " + execution.cause());
            Map<String, AttributeValue> run = user.run(model, execution.arn());
            assertEquals("FAILED", s(run, "status"));
            assertEquals(execution.error(), s(run, "error"));
            assertEquals(execution.cause(), s(run, "cause"));
            assertTrue(user.champion(model).isEmpty(), "nothing deployed");

            JsonNode event = user.await("a PipelineFailed event on " + queueName, () -> {
                var messages = user.clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
                return messages.isEmpty() ? Optional.empty() : Optional.of(PipelineUser.tree(messages.get(0).body()));
            });
            assertEquals("mlpipe", event.path("source").asText());
            assertEquals("PipelineFailed", event.path("detail-type").asText());
            assertEquals(model, event.path("detail").path("model").asText());
            assertEquals(execution.arn(), event.path("detail").path("executionArn").asText());
            assertEquals(s(run, "runId"), event.path("detail").path("runId").asText());
            assertEquals(execution.error(), event.path("detail").path("error").asText());
        } finally {
            user.clients().events().removeTargets(r -> r.rule(ruleName).ids("queue"));
            user.clients().events().deleteRule(r -> r.name(ruleName));
            user.clients().sqs().deleteQueue(r -> r.queueUrl(queueUrl));
        }
    }

    @Test
    void theInferenceApiAnswers404ForAnUnknownModelAnd503ForOneNeverDeployed() {
        Response unknown = user.predict(PipelineUser.model("never-seen"), List.of(Map.of("x1", 1.0)));
        assertEquals(404, unknown.status(), String.valueOf(unknown.body()));
        assertTrue(unknown.body().hasNonNull("message"));

        // a model whose only run was rejected: known, never deployed
        String model = PipelineUser.model("rejected-only");
        user.putConfig(model, "{\"metric\": {\"name\": \"auc\", \"threshold\": 0.99}}");
        Dataset data = Dataset.of(Kind.BINARY, 81, 300, 10, 0.3).shuffledTargets(1);
        Execution execution = user.awaitExecution(user.drop(model, "data.csv", data.csv()));
        assertEquals("REJECTED", execution.output().path("status").asText(), String.valueOf(execution.output()));
        assertTrue(s(user.run(model, execution.arn()), "reason").contains("below the threshold 0.99"));

        Response notDeployed = user.predict(model, data.heldOutFeatures());
        assertEquals(503, notDeployed.status(), String.valueOf(notDeployed.body()));
        assertTrue(notDeployed.body().hasNonNull("message"));
    }

    @Test
    void badPredictionRequestsGet4xxWithAMessageNever5xx() {
        String model = PipelineUser.model("bad-requests");
        Execution execution = user.awaitExecution(user.drop(model, "data.csv", Dataset.of(Kind.BINARY, 91, 300, 10, 0.3).csv()));
        assertEquals("DEPLOYED", execution.output().path("status").asText(), String.valueOf(execution.output()));
        String path = "models/" + model + "/predict";
        Map<String, String> badBodies = Map.of(
                "not JSON", "{\"rows\": [",
                "no rows", "{\"rows\": []}",
                "rows not a list", "{\"rows\": {\"x1\": 1}}",
                "an unknown feature", "{\"rows\": [{\"x1\": 1, \"x2\": 2, \"x3\": 0.5, \"color\": \"red\", \"nope\": 3}]}",
                "a number as text that is not one", "{\"rows\": [{\"x1\": \"abc\", \"x2\": 2, \"x3\": 0.5, \"color\": \"red\"}]}",
                "a row that is not an object", "{\"rows\": [42]}");
        badBodies.forEach((what, body) -> {
            Response response = user.post(path, body);
            assertTrue(response.status() >= 400 && response.status() < 500, what + " -> " + response);
            assertTrue(response.body() != null && response.body().hasNonNull("message"), what + " -> " + response);
        });
        Response good = user.post(path, "{\"rows\": [{\"x1\": 1, \"x2\": -1, \"x3\": 0.5, \"color\": \"red\"}]}");
        assertEquals(200, good.status(), String.valueOf(good.body()));
        assertEquals("yes", good.body().path("predictions").get(0).path("label").asText());
    }
}
