package io.mlpipe.workflow;

import static io.mlpipe.workflow.Ordered.map;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.RoleProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The role SageMaker assumes for the pipeline's training jobs (read processed/, write models/) and
 * endpoints (read models/), with their logs and metrics. The built-in XGBoost image is pulled by
 * SageMaker from the AWS registry, so the role needs no ECR access.
 */
public final class SageMakerRole extends Role {

    public SageMakerRole(Construct scope, String id, IBucket bucket) {
        super(scope, id, RoleProps.builder()
                .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
                .description("mlpipe: SageMaker training jobs and endpoints")
                .build());
        addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(DataStorage.PROCESSED + "*"),
                        bucket.arnForObjects(DataStorage.MODELS + "*")))
                .build());
        addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")) // S3Prefix channels list the prefix
                .resources(List.of(bucket.getBucketArn()))
                .conditions(map("StringLike", map("s3:prefix", List.of(DataStorage.PROCESSED + "*"))))
                .build());
        addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects(DataStorage.MODELS + "*")))
                .build());
        Stack stack = Stack.of(this);
        addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                        "logs:DescribeLogStreams"))
                .resources(List.of(logGroupArn(stack, "/aws/sagemaker/TrainingJobs*"),
                        logGroupArn(stack, "/aws/sagemaker/Endpoints/mlpipe-*")))
                .build());
        addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(map("StringLike", map("cloudwatch:namespace", "/aws/sagemaker/*")))
                .build());
    }

    private static String logGroupArn(Stack stack, String name) {
        return stack.formatArn(ArnComponents.builder().service("logs").resource("log-group").resourceName(name)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }
}
