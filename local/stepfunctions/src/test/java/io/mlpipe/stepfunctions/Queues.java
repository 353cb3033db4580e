package io.mlpipe.stepfunctions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Waiting for SQS messages in a test; every message received is deleted, matching or not. */
final class Queues {
    private Queues() {
    }

    /** The first message whose body matches, within the timeout. */
    static String receive(SqsClient sqs, String queueUrl, Predicate<String> wanted, Duration timeout) {
        return receive(sqs, queueUrl, wanted, 1, timeout).get(0);
    }

    /** The first {@code count} messages whose bodies match, in the order received, within the timeout. */
    static List<String> receive(SqsClient sqs, String queueUrl, Predicate<String> wanted, int count, Duration timeout) {
        List<String> found = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                if (wanted.test(m.body())) {
                    found.add(m.body());
                }
            }
            if (found.size() >= count) {
                return found.subList(0, count);
            }
        }
        throw new AssertionError("only " + found.size() + " of " + count + " matching messages on " + queueUrl + " within " + timeout);
    }
}
