package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.spi.IntegrationPattern;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;
import io.mlpipe.twin.spi.LambdaInvoker;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Every Task of the twin's executions: dispatched by the resource's service and action to the twin's
 * own services, reached the way AWS reaches its own (HTTP through the edge, or the in-process Lambda).
 * The request-response and callback patterns make the same call (for a callback the engine then waits
 * for the token); {@code .sync} is supported for SageMaker training jobs.
 */
public final class TwinIntegrations implements ServiceIntegration, AutoCloseable {
    /** The optimized integrations' actions (and the APIs they call) that the twin serves. */
    private static final Map<String, Set<String>> OPTIMIZED_ACTIONS = Map.of(
            "dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem"),
            "sagemaker", Set.of("createEndpoint", "createEndpointConfig", "createModel", "createTrainingJob",
                    "createTransformJob", "createProcessingJob", "createHyperParameterTuningJob", "createLabelingJob",
                    "updateEndpoint", "stopTrainingJob"));
    private static final Map<String, JsonApi> OPTIMIZED_APIS = Map.of("dynamodb", JsonApi.DYNAMODB, "sagemaker", JsonApi.SAGEMAKER);
    /** The aws-sdk services the twin speaks in the JSON protocol. */
    private static final Map<String, JsonApi> SDK_APIS = Map.of(
            "aws-sdk:dynamodb", JsonApi.DYNAMODB,
            "aws-sdk:eventbridge", JsonApi.EVENTBRIDGE,
            "aws-sdk:sagemaker", JsonApi.SAGEMAKER,
            "aws-sdk:sqs", JsonApi.SQS,
            "aws-sdk:sfn", JsonApi.SFN);

    private final LambdaTasks lambda;
    private final JsonServiceTasks services;
    private final SnsTasks sns;
    private final S3Tasks s3;
    private final TrainingJobs trainingJobs;

    /**
     * @param edge   the twin's edge URL
     * @param region the twin's region (credential scopes, the S3 client)
     * @param lambda the twin's in-process Lambda
     * @param resumed the executions running again the state they resumed at after a restart
     */
    public TwinIntegrations(URI edge, String region, LambdaInvoker lambda, ResumedStates resumed) {
        EdgeClient client = new EdgeClient(edge, region);
        this.lambda = new LambdaTasks(lambda);
        this.services = new JsonServiceTasks(client);
        this.sns = new SnsTasks(client);
        this.s3 = new S3Tasks(edge, region);
        this.trainingJobs = new TrainingJobs(services, resumed);
    }

    @Override
    public TaskResponse invoke(TaskRequest request) {
        String service = request.service();
        String action = request.action();
        JsonNode p = request.parameters();
        if (request.pattern() == IntegrationPattern.RUN_JOB) {
            if (service.equals("sagemaker") && action.equals("createTrainingJob")) {
                return trainingJobs.start(request);
            }
            throw TaskErrors.notEmulated(request.resource(), "the twin runs .sync only for sagemaker:createTrainingJob");
        }
        JsonNode result = switch (service) {
            case "lambda" -> action.equals("invoke") ? lambda.invoke(request) : null;
            case "events" -> action.equals("putEvents") ? services.putEvents(p) : null;
            case "sqs" -> action.equals("sendMessage") ? services.sendMessage(p) : null;
            case "sns" -> action.equals("publish") ? sns.publish(p) : null;
            // "s3": a Distributed Map's ItemReader (getObject, listObjectsV2) and ResultWriter (putObject)
            case "aws-sdk:s3", "s3" -> s3.call(action, p);
            default -> other(service, action, p);
        };
        if (result == null) {
            throw TaskErrors.notEmulated(request.resource(), "no local '" + service + "' action '" + action + "'");
        }
        return TaskResponse.result(result);
    }

    private JsonNode other(String service, String action, JsonNode p) {
        JsonApi sdk = SDK_APIS.get(service);
        if (sdk != null) {
            return services.awsSdk(sdk, action, p);
        }
        if (OPTIMIZED_ACTIONS.getOrDefault(service, Set.of()).contains(action)) {
            return services.optimized(OPTIMIZED_APIS.get(service), action, p);
        }
        return null;
    }

    @Override
    public void close() {
        s3.close();
    }
}
