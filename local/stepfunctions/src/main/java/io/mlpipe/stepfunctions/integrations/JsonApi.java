package io.mlpipe.stepfunctions.integrations;

/**
 * An AWS service spoken in the AWS JSON protocol, as the SDKs call it.
 *
 * @param targetPrefix the X-Amz-Target prefix, e.g. {@code DynamoDB_20120810}
 * @param jsonVersion  {@code 1.0} or {@code 1.1}
 * @param signingName  the SigV4 service name of the credential scope
 * @param errorPrefix  the service's name in Step Functions error names, e.g. {@code DynamoDB}
 * @param camelCaseWire whether the service's JSON members are camelCase on the wire (Step Functions' own
 *                      API), while AWS SDK integrations always take and give PascalCase members
 */
record JsonApi(String targetPrefix, String jsonVersion, String signingName, String errorPrefix, boolean camelCaseWire) {
    static final JsonApi DYNAMODB = new JsonApi("DynamoDB_20120810", "1.0", "dynamodb", "DynamoDB", false);
    static final JsonApi EVENTBRIDGE = new JsonApi("AWSEvents", "1.1", "events", "EventBridge", false);
    static final JsonApi SAGEMAKER = new JsonApi("SageMaker", "1.1", "sagemaker", "SageMaker", false);
    static final JsonApi SQS = new JsonApi("AmazonSQS", "1.0", "sqs", "Sqs", false);
    static final JsonApi SFN = new JsonApi("AWSStepFunctions", "1.0", "states", "Sfn", true);

    /** {@code putItem} -> {@code PutItem}: Step Functions actions are the API's operations in camel case. */
    static String operation(String action) {
        return Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }
}
