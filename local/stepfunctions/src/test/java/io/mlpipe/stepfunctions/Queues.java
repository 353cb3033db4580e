package io.mlpipe.stepfunctions;

import java.time.Duration;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Waiting for an SQS message in a test. */
final class Queues {
    private Queues() {
    }

    /** The first message whose body matches, received (and deleted) within the timeout. */
    static String receive(SqsClient sqs, String queueUrl, Predicate<String> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                if (wanted.test(m.body())) {
                    return m.body();
                }
            }
        }
        throw new AssertionError("no matching message on " + queueUrl + " within " + timeout);
    }
}
