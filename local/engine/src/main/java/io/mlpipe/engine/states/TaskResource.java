package io.mlpipe.engine.states;

import io.mlpipe.engine.spi.IntegrationPattern;

/**
 * A Task's "Resource", parsed once: arn:aws:states:::&lt;service&gt;:&lt;action&gt;[.sync|.sync:2|.waitForTaskToken],
 * arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;[...], or a Lambda function ARN (called directly,
 * with the LambdaFunction* history events AWS uses for it).
 *
 * @param historyType     taskScheduledEventDetails.resourceType, e.g. "lambda", "aws-sdk:sagemaker"
 * @param historyResource taskScheduledEventDetails.resource, e.g. "invoke", "createTrainingJob.sync"
 */
public record TaskResource(String arn, String service, String action, IntegrationPattern pattern,
                           String functionArn, String historyType, String historyResource) {

    /** Null when the text is not a resource ARN the engine knows. */
    static TaskResource parse(String arn) {
        String[] p = arn.split(":", -1);
        if (p.length < 6 || !p[0].equals("arn")) return null;
        if (p[2].equals("lambda") && p.length >= 7 && p[5].equals("function")) {
            return new TaskResource(arn, "lambda", "invoke", IntegrationPattern.REQUEST_RESPONSE, arn, "lambda", arn);
        }
        if (!p[2].equals("states")) return null;
        if (p[5].equals("activity")) {
            // An activity worker answers with SendTaskSuccess, like a callback.
            return new TaskResource(arn, "activity", "run", IntegrationPattern.CALLBACK, null, "activity", arn);
        }
        String service = p[5];
        int actionAt = 6;
        if (service.equals("aws-sdk")) {
            if (p.length < 8) return null;
            service = "aws-sdk:" + p[6];
            actionAt = 7;
        }
        if (p.length <= actionAt) return null;
        String action = String.join(":", java.util.Arrays.copyOfRange(p, actionAt, p.length));
        IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
        if (action.endsWith(".waitForTaskToken")) {
            pattern = IntegrationPattern.CALLBACK;
        } else if (action.endsWith(".sync") || action.endsWith(".sync:2")) {
            pattern = IntegrationPattern.RUN_JOB;
        }
        String bare = pattern == IntegrationPattern.REQUEST_RESPONSE ? action : action.substring(0, action.indexOf('.'));
        if (bare.isEmpty()) return null;
        return new TaskResource(arn, service, bare, pattern, null, service, action);
    }

    /** A plain Lambda function ARN: history uses LambdaFunctionScheduled/Started/Succeeded/Failed. */
    boolean isLambdaFunction() { return functionArn != null; }
}
