package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Least privilege: no wildcard actions anywhere, no managed policy but the documented API Gateway one. */
class IamPoliciesTest {

    private static List<JsonNode> resources(String type) {
        List<JsonNode> out = new ArrayList<>();
        SynthesizedStack.get().templateJson.get("Resources").forEach(r -> {
            if (type.equals(r.get("Type").asText())) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void noStatementGrantsAWildcardAction() {
        List<JsonNode> policies = resources("AWS::IAM::Policy");
        assertEquals(6, policies.size());
        for (JsonNode policy : policies) {
            for (JsonNode statement : policy.get("Properties").get("PolicyDocument").get("Statement")) {
                JsonNode action = statement.get("Action");
                List<String> actions = new ArrayList<>();
                if (action.isArray()) {
                    action.forEach(a -> actions.add(a.asText()));
                } else {
                    actions.add(action.asText());
                }
                for (String a : actions) {
                    assertFalse(a.contains("*"), "wildcard action " + a + " in " + policy.get("Properties").get("PolicyName"));
                }
            }
        }
    }

    @Test
    void trainingIsScopedToMlpipeJobsAndPassesOnlyTheSageMakerRole() {
        String stateMachinePolicy = resources("AWS::IAM::Policy").stream()
                .filter(p -> p.get("Properties").get("PolicyName").asText().startsWith("PipelineStateMachineRole"))
                .findFirst().orElseThrow().toString();
        assertTrue(stateMachinePolicy.contains("sagemaker:CreateTrainingJob"));
        assertTrue(stateMachinePolicy.contains(":training-job/mlpipe-*"));
        assertTrue(stateMachinePolicy.contains("StepFunctionsGetEventsForSageMakerTrainingJobsRule"));
        assertTrue(stateMachinePolicy.contains("\"iam:PassedToService\":\"sagemaker.amazonaws.com\""));
        assertFalse(stateMachinePolicy.contains("sagemaker:*"));
    }

    @Test
    void theStateMachineMayReleaseDeploymentLeasesAndConfirmModelPackageGroups() {
        String stateMachinePolicy = resources("AWS::IAM::Policy").stream()
                .filter(p -> p.get("Properties").get("PolicyName").asText().startsWith("PipelineStateMachineRole"))
                .findFirst().orElseThrow().toString();
        assertTrue(stateMachinePolicy.contains("dynamodb:DeleteItem"));
        assertTrue(stateMachinePolicy.contains("sagemaker:DescribeModelPackageGroup"));
    }

    @Test
    void onlyCdkInternalRolesUseManagedPolicies() {
        for (JsonNode role : resources("AWS::IAM::Role")) {
            JsonNode managed = role.get("Properties").get("ManagedPolicyArns");
            if (managed != null) {
                String text = managed.toString();
                assertTrue(text.contains("AmazonAPIGatewayPushToCloudWatchLogs") || text.contains("AWSLambdaBasicExecutionRole"),
                        "unexpected managed policy " + text);
            }
        }
    }
}
