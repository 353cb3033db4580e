package io.mlpipe.cli.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a retrain, a prediction request and an idle month cost on AWS: quantities derived from the stack's settings
 * (the template) and the usage inputs, priced from the price table. No IO: the command and the bench feed it.
 */
public record CostEstimate(StackSettings stack, Usage usage, PriceTable prices, RetrainPath path, List<LineItem> perRetrain,
                           List<LineItem> perPrediction, List<LineItem> idleMonthly, List<LineItem> monthly) {

    static final double SECONDS_PER_MONTH = 730 * 3600.0;
    /** S3 requests of one retrain that no state names (docs/CONTRACTS.md bucket layout): the drop, the preprocess outputs, SageMaker's. */
    static final int UPLOAD_PUTS = 1;
    static final int PREPROCESS_PUTS = 4; // train.csv, validation.csv, features.json, stats.json
    static final int PREPROCESS_GETS = 2; // config/<model>.json (absent still costs a GET) and the CSV
    static final int TRAINING_LISTS = 2; // one S3Prefix LIST per channel
    static final int TRAINING_GETS = 2; // train.csv and validation.csv
    static final int TRAINING_PUTS = 1; // model.tar.gz
    static final int ENDPOINT_GETS = 1; // the endpoint loads model.tar.gz
    /** EMF metrics the preprocess Lambda emits per run (RowsProcessed, ColdStart): one metric-hour each. */
    static final int PREPROCESS_METRICS = 2;
    /** EMF metrics the inference Lambda emits with traffic (Requests). */
    static final int INFERENCE_METRICS = 1;
    /** API Gateway detailed metrics per method (Count, 4XXError, 5XXError, Latency, IntegrationLatency), when the stage enables them. */
    static final int API_DETAILED_METRICS = 5;
    /** API Gateway access log line per request (the stage's JSON format). */
    static final double ACCESS_LOG_BYTES = 400;

    public static CostEstimate of(StackSettings stack, Usage usage, PriceTable prices) {
        if (!"STANDARD".equals(stack.stateMachineType())) {
            throw new CliException("the state machine is " + stack.stateMachineType() + ": the cost command prices Standard workflows");
        }
        RetrainPath path = RetrainPath.to(stack.definition(), usage.outcome());
        Builder b = new Builder(stack, usage, prices, path);
        b.retrain();
        b.prediction();
        b.idle();
        b.month();
        return new CostEstimate(stack, usage, prices, path, List.copyOf(b.retrain), List.copyOf(b.prediction),
                List.copyOf(b.idle), List.copyOf(b.month));
    }

    public static double total(List<LineItem> items) {
        return items.stream().mapToDouble(LineItem::usd).sum();
    }

    public int polls() {
        return path.loop().isEmpty() ? 1 : usage.endpointPolls();
    }

    static String resource(JsonNode task) {
        return task.path("Resource").asText();
    }

    /** A task's arguments: Arguments (JSONata) or Parameters (JSONPath). */
    static JsonNode arguments(JsonNode task) {
        return task.has("Arguments") ? task.get("Arguments") : task.path("Parameters");
    }

    private static final class Builder {
        final StackSettings stack;
        final Usage usage;
        final PriceTable prices;
        final RetrainPath path;
        final int polls;
        final List<JsonNode> tasks;
        final List<LineItem> retrain = new ArrayList<>();
        final List<LineItem> prediction = new ArrayList<>();
        final List<LineItem> idle = new ArrayList<>();
        final List<LineItem> month = new ArrayList<>();

        Builder(StackSettings stack, Usage usage, PriceTable prices, RetrainPath path) {
            this.stack = stack;
            this.usage = usage;
            this.prices = prices;
            this.path = path;
            this.polls = path.loop().isEmpty() ? 1 : usage.endpointPolls();
            this.tasks = path.tasks(polls);
        }

        void retrain() {
            String loop = path.loop().isEmpty() ? "" : ", the " + path.loop().size() + "-state wait loop (" + path.loop().get(0)
                    + ") " + polls + " times";
            retrain.add(new LineItem("Step Functions Standard", path.transitions(polls), prices.price("states.standard.transition"),
                    path.states().size() + " states from " + path.states().get(0) + " to " + usage.outcome() + loop));

            List<StackSettings.Function> invoked = tasks.stream().filter(t -> resource(t).endsWith(":lambda:invoke"))
                    .map(t -> stack.function(arguments(t).path("FunctionName").asText())).toList();
            if (!invoked.isEmpty()) {
                retrain.add(new LineItem("Lambda requests", invoked.size(), prices.price("lambda.request"),
                        String.join(", ", invoked.stream().map(StackSettings.Function::logicalId).toList())));
            }
            for (StackSettings.Function f : invoked) {
                retrain.add(new LineItem("Lambda " + f.logicalId(), f.memoryGb() * usage.preprocessSeconds(), duration(f),
                        f.memoryMb() + " MB " + f.architecture() + " x " + Money.count(usage.preprocessSeconds()) + " s"));
                if (f.snapStart()) {
                    retrain.add(new LineItem("SnapStart restore " + f.logicalId(), f.memoryGb(), snapStart(f, "restore"),
                            "one restore per retrain (" + f.runtime() + ")"));
                }
            }

            for (JsonNode task : tasks) {
                if (resource(task).contains(":sagemaker:createTrainingJob")) {
                    training(arguments(task).path("ResourceConfig"));
                }
            }
            if (deploys()) {
                endpointDeployment();
            }
            dynamoDb();
            s3();
            events();
            retrain.add(new LineItem("CloudWatch Logs ingestion", logBytes() / 1e9, prices.price("cloudwatch.logs.ingest"),
                    path.historyEvents(polls) + " Step Functions events (level " + stack.logLevel() + ") x "
                            + Money.count(usage.logEventBytes()) + " B, " + invoked.size() + " Lambda invocation(s) x "
                            + Money.count(usage.lambdaLogBytes()) + " B"));
            if (!invoked.isEmpty()) {
                retrain.add(new LineItem("CloudWatch custom metrics", PREPROCESS_METRICS, prices.price("cloudwatch.metric"),
                        "EMF metrics of the preprocess Lambda, one metric-hour each"));
            }
            if (stack.tracing()) {
                retrain.add(new LineItem("X-Ray", 1, prices.price("xray.trace"), "one trace per execution (tracing on)"));
            }
        }

        private boolean deploys() {
            return tasks.stream().anyMatch(t -> resource(t).endsWith(":createEndpointConfig"));
        }

        private void training(JsonNode config) {
            Map<String, Object> training = usage.model().training();
            String type = literal(config.path("InstanceType"), training.get("instanceType"));
            int count = Integer.parseInt(literal(config.path("InstanceCount"), 1));
            int volume = Integer.parseInt(literal(config.path("VolumeSizeInGB"), 0));
            retrain.add(new LineItem("SageMaker training " + type, count * usage.trainingSeconds() / 3600,
                    prices.price("sagemaker.training." + type), count + " x " + Money.count(usage.trainingSeconds()) + " s billed"));
            if (volume > 0) {
                retrain.add(new LineItem("SageMaker training volume", count * volume * usage.trainingSeconds() / SECONDS_PER_MONTH,
                        prices.price("sagemaker.storage"), count + " x " + volume + " GB for the job"));
            }
        }

        private void endpointDeployment() {
            double seconds = polls * path.waitSeconds();
            if (usage.instanceEndpoint()) {
                int count = usage.endpointInstanceCount();
                String type = usage.endpointInstanceType();
                retrain.add(new LineItem("Endpoint update " + type, count * seconds / 3600, prices.price("sagemaker.hosting." + type),
                        count + " new instance(s) run beside the old ones for the " + Money.count(seconds) + " s of the wait loop"));
            } else {
                retrain.add(new LineItem("Endpoint update (serverless)", 0, prices.price("sagemaker.serverless.duration"),
                        "no charge until requests arrive"));
            }
        }

        private void dynamoDb() {
            double writes = 0;
            double reads = 0;
            for (JsonNode task : tasks) {
                String resource = resource(task);
                if (!resource.contains(":dynamodb:")) {
                    continue;
                }
                StackSettings.Table table = stack.table(arguments(task).path("TableName").asText());
                if (resource.endsWith(":getItem")) {
                    reads += arguments(task).path("ConsistentRead").asBoolean(false) ? 1 : 0.5;
                } else {
                    writes += 1 + table.globalIndexes();
                }
            }
            retrain.add(new LineItem("DynamoDB writes", writes, prices.price("dynamodb.write"),
                    "items under 1 KB; a write to a table with a global index writes it too"));
            retrain.add(new LineItem("DynamoDB reads", reads, prices.price("dynamodb.read"), "strongly consistent: 1, else 0.5"));
        }

        private void s3() {
            long putTasks = tasks.stream().filter(t -> resource(t).endsWith(":s3:putObject")).count();
            int endpointGets = deploys() ? ENDPOINT_GETS : 0;
            retrain.add(new LineItem("S3 PUT and LIST", UPLOAD_PUTS + PREPROCESS_PUTS + putTasks + TRAINING_LISTS + TRAINING_PUTS,
                    prices.price("s3.put"), "the drop, 4 preprocess outputs, " + putTasks + " from states, 2 training LISTs, the model"));
            retrain.add(new LineItem("S3 GET", PREPROCESS_GETS + TRAINING_GETS + endpointGets, prices.price("s3.get"),
                    "config and CSV, 2 training channels" + (endpointGets > 0 ? ", the model for the endpoint" : "")));
            retrain.add(new LineItem("S3 storage, first month", 2 * usage.dataGb(), prices.price("s3.storage"),
                    "the CSV and its processed split (" + Money.count(usage.rows()) + " rows x " + Money.count(usage.rowBytes()) + " B)"));
        }

        private void events() {
            retrain.add(new LineItem("EventBridge: S3 Object Created", 1, prices.price("events.aws"), "AWS service event, default bus"));
            long emitted = tasks.stream().filter(t -> resource(t).endsWith(":events:putEvents")).count();
            if (emitted > 0) {
                retrain.add(new LineItem("EventBridge: pipeline events", emitted, prices.price("events.custom"), "PutEvents from the state machine"));
            }
        }

        private double logBytes() {
            double stateMachine = "ALL".equals(stack.logLevel()) ? path.historyEvents(polls) * usage.logEventBytes() : 0;
            long invocations = tasks.stream().filter(t -> resource(t).endsWith(":lambda:invoke")).count();
            return stateMachine + invocations * usage.lambdaLogBytes();
        }

        void prediction() {
            StackSettings.Function f = stack.apiFunction();
            if (f == null) {
                return;
            }
            prediction.add(new LineItem("API Gateway REST", 1, prices.price("apigateway.rest.request"), "POST /models/{model}/predict"));
            prediction.add(new LineItem("Lambda requests", 1, prices.price("lambda.request"), f.logicalId()));
            prediction.add(new LineItem("Lambda " + f.logicalId(), f.memoryGb() * usage.inferenceMillis() / 1000, duration(f),
                    f.memoryMb() + " MB " + f.architecture() + " x " + Money.count(usage.inferenceMillis()) + " ms"));
            if (usage.instanceEndpoint()) {
                prediction.add(new LineItem("Endpoint (instance)", 0, prices.price("sagemaker.hosting." + usage.endpointInstanceType()),
                        "paid by the hour in the idle month"));
            } else {
                int memory = ((Number) usage.model().endpoint().get("memorySizeMb")).intValue();
                prediction.add(new LineItem("Serverless endpoint compute", memory / 1024.0 * usage.endpointMillis() / 1000,
                        prices.price("sagemaker.serverless.duration"), memory + " MB x " + Money.count(usage.endpointMillis()) + " ms"));
                prediction.add(new LineItem("Serverless endpoint data", usage.predictionBytes() / 1e9, prices.price("sagemaker.serverless.data"),
                        Money.count(usage.predictionBytes()) + " B in and out"));
            }
            String logTable = f.environment().get("INFERENCE_LOG_TABLE");
            int indexes = logTable == null ? 0 : stack.table(logTable).globalIndexes();
            prediction.add(new LineItem("DynamoDB writes", logTable == null ? 0 : 1 + indexes, prices.price("dynamodb.write"),
                    "the inference log item"));
            prediction.add(new LineItem("DynamoDB reads", 1, prices.price("dynamodb.read"), "the champion, strongly consistent"));
            prediction.add(new LineItem("CloudWatch Logs ingestion", (usage.lambdaLogBytes() + ACCESS_LOG_BYTES) / 1e9,
                    prices.price("cloudwatch.logs.ingest"), "Lambda log and the API access log line"));
            if (stack.apiTracing()) {
                prediction.add(new LineItem("X-Ray", 1, prices.price("xray.trace"), "one trace per request (tracing on)"));
            }
        }

        void idle() {
            idle.add(new LineItem("KMS keys", stack.kmsKeys(), prices.price("kms.key"), "rotation adds $1 per month per rotated version (up to 2)"));
            idle.add(new LineItem("CloudWatch alarms", stack.alarmMetrics(), prices.price("cloudwatch.alarm"), "one metric each"));
            idle.add(new LineItem("CloudWatch dashboards", stack.dashboards(), prices.price("cloudwatch.dashboard"),
                    "free while the account has at most 3"));
            for (StackSettings.Function f : stack.functions().values()) {
                if (f.snapStart()) {
                    idle.add(new LineItem("SnapStart cache " + f.logicalId(), f.memoryGb() * Math.max(1, f.publishedVersions()) * SECONDS_PER_MONTH,
                            snapStart(f, "cache"), f.memoryMb() + " MB x " + Math.max(1, f.publishedVersions()) + " published version(s), "
                                    + f.runtime()));
                }
            }
            if (usage.instanceEndpoint()) {
                int count = usage.endpointInstanceCount();
                String type = usage.endpointInstanceType();
                idle.add(new LineItem("Endpoint " + type + " (instance mode)", count * 730.0, prices.price("sagemaker.hosting." + type),
                        count + " instance(s), always on, per deployed model"));
            } else {
                idle.add(new LineItem("Endpoint (serverless)", 0, prices.price("sagemaker.serverless.duration"), "no charge without requests"));
            }
        }

        void month() {
            month.add(new LineItem("Idle (the table above)", 1, new Price("idle", "idle month", total(idle), 1, "months", ""), ""));
            month.add(new LineItem("Retrains", usage.retrainsPerMonth(), new Price("retrain", "retrain", total(retrain), 1, "retrains", ""), ""));
            month.add(new LineItem("Prediction requests", usage.predictionsPerMonth(),
                    new Price("prediction", "prediction", total(prediction), 1, "requests", ""), ""));
            if (stack.apiFunction() != null && usage.predictionsPerMonth() > 0) {
                int metrics = INFERENCE_METRICS + (stack.apiDetailedMetrics() ? API_DETAILED_METRICS : 0);
                double hours = Math.min(730, usage.predictionsPerMonth());
                month.add(new LineItem("CloudWatch custom metrics with traffic", metrics * hours, prices.price("cloudwatch.metric"),
                        metrics + " metrics (inference EMF" + (stack.apiDetailedMetrics() ? ", API detailed metrics of predict" : "")
                                + ") in each of " + Money.count(hours) + " hours with requests"));
            }
            double ingested = usage.retrainsPerMonth() * logBytes() + usage.predictionsPerMonth() * (usage.lambdaLogBytes() + ACCESS_LOG_BYTES);
            month.add(new LineItem("CloudWatch Logs storage", ingested / 1e9 * stack.maxLogRetentionDays() / 30.0,
                    prices.price("cloudwatch.logs.storage"), "a month's logs kept " + stack.maxLogRetentionDays() + " days"));
        }

        private Price duration(StackSettings.Function f) {
            return prices.price("lambda.duration." + f.architecture());
        }

        private Price snapStart(StackSettings.Function f, String charge) {
            return prices.price("lambda.snapstart." + charge + (f.java() ? ".java" : ""));
        }

        /** A literal value of the definition, or the model configuration's when the definition computes it ({% ... %} or a path). */
        private static String literal(JsonNode value, Object fromConfig) {
            if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().startsWith("{%"))) {
                return String.valueOf(fromConfig);
            }
            return value.asText();
        }
    }
}
