package io.mlpipe.workflow;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.constructs.IConstruct;

/**
 * Every cdk-nag suppression of the stack in one place, each with the reason it is right here and
 * scoped to the exact finding ({@code appliesTo}) wherever the rule is granular.
 */
final class NagSuppressionsForMlpipe {

    /** cdk-nag's finding for a resource ARN of the data bucket under one prefix. */
    private static RegexAppliesTo bucketPrefix(String prefix) {
        return RegexAppliesTo.builder()
                .regex("/^Resource::<StorageData[0-9A-F]+\\.Arn>\\/" + prefix.replace("/", "") + "\\/\\*$/")
                .build();
    }

    private static String sageMaker(String resource) {
        return "Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:" + resource + "/mlpipe-*";
    }

    private static final String XRAY = "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level"
            + " permissions (Resource must be *); added by CDK for active tracing";

    private NagSuppressionsForMlpipe() {
    }

    static void apply(MlpipeStack stack) {
        var functions = stack.functions();
        suppress(functions.preprocess().getRole(), "AwsSolutions-IAM5",
                "object-level S3 access, one statement per prefix the preprocess contract names: reads the drop"
                        + " (incoming/) and the model's config (config/), writes processed/; " + XRAY,
                bucketPrefix(DataStorage.INCOMING), bucketPrefix(DataStorage.CONFIG),
                bucketPrefix(DataStorage.PROCESSED), "Resource::*");
        suppress(functions.inference().getRole(), "AwsSolutions-IAM5",
                "reads the champion's feature spec under processed/; invokes only the pipeline's endpoints"
                        + " (mlpipe-<model>, one per model, created at run time); " + XRAY,
                bucketPrefix(DataStorage.PROCESSED), sageMaker("endpoint"), "Resource::*");
        for (IConstruct function : List.of(functions.preprocess(), functions.inference())) {
            suppress(function, "AwsSolutions-L1",
                    "Java 21 is the runtime the tasks module is built and tested for (SnapStart, Powertools 2);"
                            + " Java 25 is a deliberate upgrade of the tasks module, not a flag flip here");
            // SnapStart applies to the published version behind the "live" alias, which is what callers invoke
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the function publishes getCurrentVersion() behind the live alias");
        }

        var pipeline = stack.pipeline();
        suppress(pipeline.sageMakerRole(), "AwsSolutions-IAM5",
                "SageMaker reads training data (processed/) and writes/reads model artifacts (models/<model>/<job>)"
                        + " whose keys are generated per run; its log groups are created by SageMaker per job and"
                        + " per endpoint (/aws/sagemaker/TrainingJobs, /aws/sagemaker/Endpoints/mlpipe-*);"
                        + " cloudwatch:PutMetricData has no resource-level permissions (restricted by a"
                        + " cloudwatch:namespace condition to /aws/sagemaker/*)",
                bucketPrefix(DataStorage.PROCESSED), bucketPrefix(DataStorage.MODELS),
                "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/TrainingJobs*",
                "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/Endpoints/mlpipe-*",
                "Resource::*");
        suppress(pipeline.stateMachine().getRole(), "AwsSolutions-IAM5",
                "the state machine creates SageMaker resources named per model and run at run time, all under"
                        + " the mlpipe- prefix (training jobs, models, endpoint configs, endpoints, model package"
                        + " groups and versioned packages); it writes the model-quality report under reports/;"
                        + " sagemaker:ListModelPackageGroups and sagemaker:ListEndpoints, X-Ray and the CloudWatch"
                        + " Logs delivery actions CDK adds for state machine logging support no resource-level"
                        + " permissions",
                bucketPrefix(DataStorage.REPORTS), sageMaker("training-job"), sageMaker("model"),
                sageMaker("endpoint-config"), sageMaker("endpoint"), sageMaker("model-package-group"),
                sageMaker("model-package"), "Resource::*");

        suppress(stack.trigger().deadLetterQueue(), "AwsSolutions-SQS3",
                "this queue is itself the dead-letter queue of the EventBridge rule's target (cdk-nag only"
                        + " recognises queues named in another queue's redrive policy); an alarm watches its depth");

        var api = stack.api().api();
        suppress(api, "AwsSolutions-COG4",
                "the API uses IAM (SigV4) authorization on every method, not Cognito: callers are AWS principals"
                        + " (services, CI, operators) granted execute-api:Invoke; see docs/DEPLOY.md");
        suppress(api, "AwsSolutions-APIG3",
                "no WAF web ACL: the API is IAM-authorized (unsigned requests are refused before the integration)"
                        + " and throttled per stage; a web ACL adds a fixed monthly cost against the idle-cost-zero"
                        + " goal. Attach one in front if the API is exposed to untrusted callers");
        suppress(api, "AwsSolutions-IAM4",
                "the account-level role API Gateway needs to write execution logs; AmazonAPIGatewayPushToCloudWatchLogs"
                        + " is the policy AWS documents for exactly that role",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs");

        // the Lambda behind bucket.eventBridgeEnabled(true): CDK's own singleton, not configurable
        NagSuppressions.addResourceSuppressionsByPath(stack,
                "/" + stack.getStackName() + "/BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Role/Resource",
                List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("CDK's BucketNotificationsHandler (turns on EventBridge notifications of the data"
                                + " bucket at deploy time) uses AWSLambdaBasicExecutionRole; CDK gives no way to"
                                + " replace its role")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                                + "AWSLambdaBasicExecutionRole"))
                        .build()));
    }

    private static void suppress(IConstruct construct, String rule, String reason, Object... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(new ArrayList<>(List.of(appliesTo)));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }
}
