package io.mlpipe.twin.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.twin.events.EventBus;

/** EventBridge's SQS targets and dead-letter queues: the rule's input becomes a message body. */
public final class SqsTarget implements EventBus.DeadLetterQueue {
    private final SqsQueues queues;

    public SqsTarget(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public void deliver(String queueArn, String roleArn, String input) {
        sendWithAttributes(queueArn, input, null);
    }

    @Override
    public void sendWithAttributes(String queueArn, String body, ObjectNode messageAttributes) {
        String name = SqsQueues.nameOf(queueArn);
        if (!queues.exists(name)) {
            throw new io.mlpipe.twin.events.EventTarget.TargetFailure("ResourceNotFoundException",
                    "Queue " + queueArn + " does not exist");
        }
        try {
            queues.send(name, body, messageAttributes, -1);
        } catch (AwsError e) {
            throw new io.mlpipe.twin.events.EventTarget.TargetFailure(e.code(), e.getMessage());
        }
    }
}
