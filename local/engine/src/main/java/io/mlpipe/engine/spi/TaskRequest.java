package io.mlpipe.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service call of a Task state.
 *
 * @param resource         the Resource ARN as written, e.g. arn:aws:states:::sagemaker:createTrainingJob.sync
 * @param service          "lambda", "sagemaker", "dynamodb", "events", "aws-sdk:sagemaker", ...; for a
 *                         plain Lambda function ARN "lambda" (and {@code action} is "invoke")
 * @param action           "invoke", "createTrainingJob", "putItem", "describeEndpoint", ... (no suffix)
 * @param functionArn      the function ARN when Resource is a plain Lambda function ARN, else null
 * @param pattern          request-response, run a job (.sync) or callback (.waitForTaskToken)
 * @param parameters       the effective Parameters / Arguments (for a plain Lambda ARN: the payload)
 * @param credentials      the state's Credentials field, evaluated, or null
 * @param taskToken        the token of this task ($$.Task.Token), for callbacks
 * @param timeoutSeconds   the task's timeout (already applied by the engine), or 0 when none
 * @param heartbeatSeconds the heartbeat interval for callbacks, or 0 when none
 * @param executionArn     the execution's ARN (for logs, job tags)
 * @param stateName        the Task state's name
 */
public record TaskRequest(String resource, String service, String action, String functionArn,
                          IntegrationPattern pattern, JsonNode parameters, JsonNode credentials,
                          String taskToken, long timeoutSeconds, long heartbeatSeconds,
                          String executionArn, String stateName) {}
