package io.mlpipe.workflow;

import static io.mlpipe.workflow.Ordered.map;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The dashboard and the alarms. Alarms go to an SNS topic encrypted with a customer managed key
 * (CloudWatch may use it through the key policy); an e-mail subscription when
 * {@code mlpipe:alarmEmail} is set.
 */
public final class Monitoring extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);

    private final Topic alarmTopic;
    private final Dashboard dashboard;

    public Monitoring(Construct scope, String id, Pipeline pipeline, TaskFunctions functions, InferenceApi api,
            ObjectCreatedTrigger trigger, StackSettings settings) {
        super(scope, id);
        Key key = Key.Builder.create(this, "AlarmTopicKey")
                .description("mlpipe: encrypts the alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(settings.removalPolicy())
                .build();
        // CloudWatch publishes alarm notifications to the encrypted topic with this key
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*")) // in a key policy, "*" is this key
                .conditions(map("StringEquals", map("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
        alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("mlpipe alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));

        var stateMachine = pipeline.stateMachine();
        var rest = api.api();
        Metric trainingTime = serviceIntegrationMetric("ServiceIntegrationRunTime", "Average",
                "training time (ms)");
        IMetric endpointInvocations = MathExpression.Builder.create()
                .expression("SEARCH('{AWS/SageMaker,EndpointName,VariantName} MetricName=\"Invocations\""
                        + " EndpointName=\"mlpipe-\"', 'Sum', 300)")
                .label("endpoint invocations")
                .period(PERIOD)
                .build();

        alarm("ExecutionsFailed", stateMachine.metricFailed(sum()), "a pipeline run failed (see the runs table)");
        alarm("ExecutionsTimedOut", stateMachine.metricTimedOut(sum()), "a pipeline run timed out");
        alarm("PreprocessErrors", functions.preprocess().metricErrors(sum()), "the preprocess Lambda failed");
        alarm("InferenceErrors", functions.inference().metricErrors(sum()), "the inference Lambda failed");
        alarm("Api5xx", rest.metricServerError(sum()), "the inference API answered 5xx");
        alarm("DeadLetters", trigger.deadLetterQueue().metricApproximateNumberOfMessagesVisible(
                MetricOptions.builder().period(PERIOD)
                        .statistic("Maximum").build()),
                "an Object Created event could not start the pipeline (messages in the dead-letter queue)");

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("mlpipe-" + Aws.REGION)
                .build();
        dashboard.addWidgets(
                graph("Pipeline executions", stateMachine.metricStarted(sum()), stateMachine.metricSucceeded(sum()),
                        stateMachine.metricFailed(sum()), stateMachine.metricTimedOut(sum())),
                graph("Execution and training time", stateMachine.metricTime(avg()), trainingTime));
        dashboard.addWidgets(
                graph("Lambda errors", functions.preprocess().metricErrors(sum()),
                        functions.inference().metricErrors(sum())),
                graph("Lambda duration", functions.preprocess().metricDuration(avg()),
                        functions.inference().metricDuration(avg())));
        dashboard.addWidgets(
                graph("API latency", rest.metricLatency(avg()), rest.metricIntegrationLatency(avg())),
                graph("API 4xx / 5xx", rest.metricClientError(sum()), rest.metricServerError(sum())),
                graph("Endpoint invocations", endpointInvocations));
    }

    /** Step Functions' per-integration metric for the .sync training task. */
    private static Metric serviceIntegrationMetric(String name, String statistic, String label) {
        return Metric.Builder.create()
                .namespace("AWS/States")
                .metricName(name)
                .dimensionsMap(map("ServiceIntegrationResourceArn",
                        "arn:" + Aws.PARTITION + ":states:::sagemaker:createTrainingJob.sync"))
                .statistic(statistic)
                .label(label)
                .period(PERIOD)
                .build();
    }

    private void alarm(String id, Metric metric, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription("mlpipe: " + description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(8).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    }

    private static MetricOptions avg() {
        return MetricOptions.builder().period(PERIOD).statistic("Average").build();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public Dashboard dashboard() {
        return dashboard;
    }
}
