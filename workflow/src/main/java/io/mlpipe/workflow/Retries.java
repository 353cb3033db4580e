package io.mlpipe.workflow;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.RetryProps;

/**
 * Retry policies for the transient errors of each integration: exponential backoff with full
 * jitter, so concurrent runs that hit a throttle do not retry in lock step. Anything not listed
 * (validation errors, a failed training job, bad data) is not transient and goes straight to the
 * Catch. Error names: optimized integrations use the names their docs list
 * ({@code Lambda.*}, {@code DynamoDB.*}, {@code EventBridge.*}); AWS SDK integrations use
 * {@code <Service>.<Error>Exception}.
 */
final class Retries {

    private Retries() {
    }

    static final List<String> LAMBDA_ERRORS = List.of(
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.ClientExecutionTimeoutException", "Lambda.TooManyRequestsException");

    static final List<String> DYNAMODB_ERRORS = List.of(
            "DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.ThrottlingException",
            "DynamoDB.RequestLimitExceeded", "DynamoDB.InternalServerErrorException");

    static final List<String> SAGEMAKER_ERRORS = List.of(
            "SageMaker.ThrottlingException", "SageMaker.ServiceUnavailableException",
            "SageMaker.InternalFailureException");

    static final List<String> S3_ERRORS = List.of(
            "S3.SlowDownException", "S3.InternalErrorException", "S3.ServiceUnavailableException");

    static final List<String> EVENTBRIDGE_ERRORS = List.of(
            "EventBridge.InternalException", "EventBridge.ThrottlingException", "EventBridge.FailedEntry");

    static final RetryProps LAMBDA = policy(LAMBDA_ERRORS, 2, 6);
    static final RetryProps DYNAMODB = policy(DYNAMODB_ERRORS, 1, 6);
    static final RetryProps SAGEMAKER = policy(SAGEMAKER_ERRORS, 5, 6);
    static final RetryProps S3 = policy(S3_ERRORS, 1, 5);
    static final RetryProps EVENTBRIDGE = policy(EVENTBRIDGE_ERRORS, 1, 5);

    private static RetryProps policy(List<String> errors, int intervalSeconds, int maxAttempts) {
        return RetryProps.builder()
                .errors(errors)
                .interval(Duration.seconds(intervalSeconds))
                .maxAttempts(maxAttempts)
                .backoffRate(2)
                .maxDelay(Duration.seconds(60))
                .jitterStrategy(JitterType.FULL)
                .build();
    }
}
