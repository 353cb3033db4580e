package io.mlpipe.stepfunctions;

import io.mlpipe.protocol.AwsError;

/**
 * Step Functions ARNs: {@code arn:aws:states:<region>:<account>:stateMachine:<name>} and
 * {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>:<executionName>}.
 */
record Arns(String region, String account) {

    String stateMachine(String name) {
        return prefix() + "stateMachine:" + name;
    }

    String execution(String stateMachineName, String executionName) {
        return prefix() + "execution:" + stateMachineName + ":" + executionName;
    }

    /** StartSyncExecution's executions are Express ones: AWS gives them an {@code express:} ARN. */
    String expressExecution(String stateMachineName, String executionName, String id) {
        return prefix() + "express:" + stateMachineName + ":" + executionName + ":" + id;
    }

    private String prefix() {
        return "arn:aws:states:" + region + ":" + account + ":";
    }

    /** The state machine name of a state machine ARN; InvalidArn when it is not one. */
    static String stateMachineName(String arn) {
        return part(arn, "stateMachine", 7)[6];
    }

    /** {stateMachineName, executionName} of an execution ARN; InvalidArn when it is not one. */
    static String[] executionNames(String arn) {
        String[] p = part(arn, "execution", 8);
        return new String[] {p[6], p[7]};
    }

    private static String[] part(String arn, String type, int parts) {
        if (arn == null || arn.isEmpty()) {
            throw AwsError.client("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + type + "'");
        }
        String[] p = arn.split(":", -1);
        if (p.length < 6 || !p[0].equals("arn") || !p[2].equals("states")) {
            throw AwsError.client("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
        }
        if (p.length != parts || !p[5].equals(type) || p[parts - 1].isEmpty()) {
            throw AwsError.client("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + p[5] + "'");
        }
        return p;
    }
}
