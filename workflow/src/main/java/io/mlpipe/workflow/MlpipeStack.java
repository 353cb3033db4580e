package io.mlpipe.workflow;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** The one stack: storage, Lambdas, the state machine and its trigger, the inference API, monitoring. */
public final class MlpipeStack extends Stack {

    private final DataStorage storage;
    private final TaskFunctions functions;
    private final Pipeline pipeline;
    private final ObjectCreatedTrigger trigger;
    private final InferenceApi api;
    private final Monitoring monitoring;

    public MlpipeStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        storage = new DataStorage(this, "Storage", settings);
        functions = new TaskFunctions(this, "Functions", storage, settings);
        pipeline = new Pipeline(this, "Pipeline", storage, functions, settings);
        trigger = new ObjectCreatedTrigger(this, "Trigger", storage.dataBucket(), pipeline.stateMachine());
        api = new InferenceApi(this, "Inference", functions.inferenceAlias(), settings);
        monitoring = new Monitoring(this, "Monitoring", pipeline, functions, api, trigger, settings);
        NagSuppressionsForMlpipe.apply(this);

        output("DataBucketName", storage.dataBucket().getBucketName());
        output("StateMachineArn", pipeline.stateMachine().getStateMachineArn());
        output("ApiUrl", api.api().getUrl());
        output("RunsTableName", storage.runsTable().getTableName());
        output("ModelsTableName", storage.modelsTable().getTableName());
        output("InferenceLogTableName", storage.inferenceLogTable().getTableName());
        output("AlarmTopicArn", monitoring.alarmTopic().getTopicArn());
    }

    private void output(String id, String value) {
        CfnOutput.Builder.create(this, id).value(value).build();
    }

    public DataStorage storage() {
        return storage;
    }

    public TaskFunctions functions() {
        return functions;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public ObjectCreatedTrigger trigger() {
        return trigger;
    }

    public InferenceApi api() {
        return api;
    }

    public Monitoring monitoring() {
        return monitoring;
    }
}
