package io.mlpipe.stepfunctions.integrations;

import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import java.util.Map;
import java.util.Set;

/**
 * The error names a failed service call becomes, which Retry and Catch match on.
 *
 * <p>AWS SDK integrations ({@code aws-sdk:<service>:<action>}): {@code <Service>.<ErrorCode>} with
 * {@code Exception} appended when the code lacks it ("always add the Exception suffix"), e.g.
 * {@code SageMaker.ResourceNotFoundException}, {@code S3.NoSuchKeyException}.
 *
 * <p>Optimized integrations name an error after the exception class the service's Java SDK (v1) throws,
 * which Step Functions reports: the modeled exception when the code is one, otherwise the service's
 * generic exception. So a failed DynamoDB condition is {@code DynamoDB.ConditionalCheckFailedException},
 * while SageMaker's ValidationException (not modeled) is {@code SageMaker.AmazonSageMakerException}.
 */
final class TaskErrors {
    /** Per optimized service: the codes its SDK models as their own exceptions, and the generic exception. */
    private record Modeled(Set<String> codes, String generic) {
    }

    private static final Map<String, Modeled> OPTIMIZED = Map.of(
            "DynamoDB", new Modeled(Set.of("ConditionalCheckFailedException", "ProvisionedThroughputExceededException",
                    "ResourceNotFoundException", "ItemCollectionSizeLimitExceededException", "TransactionConflictException",
                    "RequestLimitExceeded", "InternalServerError", "ResourceInUseException", "LimitExceededException"),
                    "AmazonDynamoDBException"),
            "SageMaker", new Modeled(Set.of("ResourceInUse", "ResourceLimitExceeded", "ResourceNotFound", "ConflictException"),
                    "AmazonSageMakerException"));

    private TaskErrors() {
    }

    static StatesError awsSdk(String service, ServiceCallError e) {
        String code = e.code().endsWith("Exception") ? e.code() : e.code() + "Exception";
        return new StatesError(service + "." + code, e.cause(service));
    }

    static StatesError optimized(String service, ServiceCallError e) {
        Modeled modeled = OPTIMIZED.get(service);
        String name;
        if (modeled == null) {
            name = e.code();
        } else if (modeled.codes().contains(e.code())) {
            // the SDK's class names: InternalServerError -> InternalServerErrorException, ResourceInUse -> ResourceInUseException
            name = e.code().endsWith("Exception") || e.code().equals("RequestLimitExceeded") ? e.code() : e.code() + "Exception";
        } else {
            name = modeled.generic();
        }
        return new StatesError(service + "." + name, e.cause(service));
    }

    /** A resource the twin does not emulate: fails clearly instead of pretending. */
    static StatesError notEmulated(String resource, String why) {
        return new StatesError(ErrorNames.RUNTIME, "The local twin does not emulate the resource '" + resource + "': " + why);
    }
}
