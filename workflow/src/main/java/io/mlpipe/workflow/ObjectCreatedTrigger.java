package io.mlpipe.workflow;

import io.mlpipe.events.EventPatterns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SfnStateMachineProps;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * The EventBridge rule on the default bus that starts the state machine for every
 * {@code incoming/*.csv} object created in the data bucket. The pattern is the events module's
 * JSON document (the local twin loads the same one). Deliveries that fail after the retries land in
 * an encrypted dead-letter queue, which an alarm watches.
 */
public final class ObjectCreatedTrigger extends Construct {

    public static final int RETRY_ATTEMPTS = 8;
    public static final Duration MAX_EVENT_AGE = Duration.hours(6);

    private final Rule rule;
    private final Queue deadLetterQueue;

    public ObjectCreatedTrigger(Construct scope, String id, IBucket bucket, IStateMachine stateMachine) {
        super(scope, id);
        deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED) // EventBridge can send to SSE-SQS without a key policy
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        rule = Rule.Builder.create(this, "Rule")
                .description("mlpipe: retrain when a CSV lands under incoming/<model>/")
                .eventPattern(pattern(EventPatterns.objectCreated(bucket.getBucketName())))
                .targets(List.of(new SfnStateMachine(stateMachine,
                        SfnStateMachineProps.builder()
                                .deadLetterQueue(deadLetterQueue)
                                .retryAttempts(RETRY_ATTEMPTS)
                                .maxEventAge(MAX_EVENT_AGE)
                                .build())))
                .build();
    }

    /** The document's fields as the L2's typed pattern; anything else in the document is a mistake. */
    @SuppressWarnings("unchecked")
    static EventPattern pattern(Map<String, Object> document) {
        Set<String> unknown = new TreeSet<>(document.keySet());
        unknown.removeAll(Set.of("source", "detail-type", "detail"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unsupported top-level pattern fields: " + unknown);
        }
        return EventPattern.builder()
                .source((List<String>) document.get("source"))
                .detailType((List<String>) document.get("detail-type"))
                .detail((Map<String, Object>) document.get("detail"))
                .build();
    }

    public Rule rule() {
        return rule;
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
