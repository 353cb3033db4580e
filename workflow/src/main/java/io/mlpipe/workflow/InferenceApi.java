package io.mlpipe.workflow;

import static io.mlpipe.workflow.Ordered.map;

import java.util.List;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The REST API in front of the inference Lambda (proxy integration):
 * {@code POST /models/{model}/predict} and {@code GET /models/{model}}. IAM (SigV4) authorization on
 * both methods, request validation (path parameter; body shape for predict), stage throttling,
 * JSON access logs, execution logs on errors and X-Ray tracing.
 */
public final class InferenceApi extends Construct {

    public static final String STAGE = "v1";
    public static final int MAX_ROWS = 1000;

    private final RestApi api;
    private final LogGroup accessLogs;

    public InferenceApi(Construct scope, String id, IFunction inference, StackSettings settings) {
        super(scope, id);
        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.removalPolicy())
                .build();
        api = RestApi.Builder.create(this, "Api")
                .restApiName("mlpipe")
                .description("mlpipe: predictions from each model's champion")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                // execution logging needs the account-level API Gateway CloudWatch role
                .cloudWatchRole(true)
                .cloudWatchRoleRemovalPolicy(settings.removalPolicy())
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        .tracingEnabled(true)
                        .metricsEnabled(true)
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .dataTraceEnabled(false) // request bodies are customer data: keep them out of logs
                        .throttlingRateLimit(settings.apiThrottleRateLimit())
                        .throttlingBurstLimit(settings.apiThrottleBurstLimit())
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .build())
                .build();

        Model predictBody = Model.Builder.create(this, "PredictRequest")
                .restApi(api)
                .contentType("application/json")
                .modelName("PredictRequest")
                .schema(JsonSchema.builder()
                        .type(JsonSchemaType.OBJECT)
                        .required(List.of("rows"))
                        .properties(map("rows", JsonSchema.builder()
                                .type(JsonSchemaType.ARRAY)
                                .minItems(1)
                                .maxItems(MAX_ROWS)
                                .items(JsonSchema.builder().type(JsonSchemaType.OBJECT).build())
                                .build()))
                        .build())
                .build();
        RequestValidator bodyAndParameters = RequestValidator.Builder.create(this, "BodyAndParameters")
                .restApi(api)
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build();
        RequestValidator parameters = RequestValidator.Builder.create(this, "Parameters")
                .restApi(api)
                .validateRequestBody(false)
                .validateRequestParameters(true)
                .build();

        LambdaIntegration integration = LambdaIntegration.Builder.create(inference).proxy(true).build();
        Resource model = api.getRoot().addResource("models").addResource("{model}");
        model.addMethod("GET", integration, MethodOptions.builder()
                .authorizationType(AuthorizationType.IAM)
                .requestValidator(parameters)
                .requestParameters(map("method.request.path.model", true))
                .build());
        model.addResource("predict").addMethod("POST", integration, MethodOptions.builder()
                .authorizationType(AuthorizationType.IAM)
                .requestValidator(bodyAndParameters)
                .requestParameters(map("method.request.path.model", true))
                .requestModels(map("application/json", predictBody))
                .build());
    }

    public RestApi api() {
        return api;
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }
}
