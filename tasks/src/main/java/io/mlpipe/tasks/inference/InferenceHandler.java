package io.mlpipe.tasks.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.schemas.Schemas;
import io.mlpipe.tasks.aws.AwsClients;
import io.mlpipe.tasks.aws.DynamoInferenceLog;
import io.mlpipe.tasks.aws.DynamoModelTable;
import io.mlpipe.tasks.aws.S3ObjectStore;
import io.mlpipe.tasks.aws.SageMakerEndpointInvoker;
import io.mlpipe.tasks.lambda.Environment;
import io.mlpipe.tasks.lambda.Priming;
import io.mlpipe.tasks.lambda.Telemetry;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inference Lambda behind API Gateway's REST proxy integration
 * ({@code io.mlpipe.tasks.inference.InferenceHandler::handleRequest}): routes
 * {@code POST /models/{model}/predict} and {@code GET /models/{model}} to {@link InferenceService} and turns
 * its answers into JSON responses. Any unexpected failure is a 500 with a JSON message, logged with its cause.
 *
 * <p>With SnapStart it primes itself before the snapshot ({@link #beforeCheckpoint}).
 */
public class InferenceHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PREDICT = Pattern.compile("^.*/models/([^/]+)/predict/?$");
    private static final Pattern DESCRIBE = Pattern.compile("^.*/models/([^/]+)/?$");
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private final InferenceService service;
    private final Telemetry telemetry;
    private final String bucket;

    /** Used by Lambda: the process environment. */
    public InferenceHandler() {
        this(System.getenv());
    }

    /** Used by the local twin: the function's environment from the template. */
    public InferenceHandler(Map<String, String> env) {
        this(service(env), env);
    }

    /** Used by tests: any service. */
    public InferenceHandler(InferenceService service, Map<String, String> env) {
        this.service = service;
        this.telemetry = new Telemetry(env, "inference");
        this.bucket = env.getOrDefault("DATA_BUCKET", Priming.BUCKET);
        Schemas.shared(); // compile the schemas during init, so a SnapStart snapshot holds them
        Priming.register(this);
    }

    /**
     * SnapStart priming, before the snapshot: the service's predict path on a sample in memory and its AWS calls
     * stopped before sending ({@link InferenceService#prime}), and the response event with its JSON. No side effects.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    /** The priming {@link #beforeCheckpoint} runs; true when it completed (a failure is logged, never thrown). */
    public boolean prime() {
        return Priming.run("inference", () -> {
            service.prime(bucket);
            json(ApiResponse.error(404, "priming").body());
            new APIGatewayProxyResponseEvent().withStatusCode(200).withHeaders(HEADERS).withBody("{}");
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: the SDK clients fetch credentials and open connections on first use
    }

    private static InferenceService service(Map<String, String> env) {
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        Duration retention = Duration.ofDays(Long.parseLong(env.getOrDefault("INFERENCE_LOG_TTL_DAYS", "30")));
        return new InferenceService(
                new DynamoModelTable(dynamo, Environment.required(env, "MODELS_TABLE")),
                new S3ObjectStore(clients.s3()),
                new SageMakerEndpointInvoker(clients.sageMakerRuntime()),
                new DynamoInferenceLog(dynamo, Environment.required(env, "INFERENCE_LOG_TABLE")),
                Clock.systemUTC(), retention, UUID::randomUUID);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return telemetry.invocation(context, "inference", () -> {
            ApiResponse response;
            try {
                response = route(event);
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on {} {}", event.getHttpMethod(), event.getPath(), e);
                response = ApiResponse.error(500, "internal error; the request id is "
                        + (context == null ? "unknown" : context.getAwsRequestId()));
            }
            telemetry.count(response.status() < 400 ? "Requests" : "Status" + response.status(), 1);
            return new APIGatewayProxyResponseEvent().withStatusCode(response.status()).withHeaders(HEADERS)
                    .withBody(json(response.body()));
        });
    }

    private ApiResponse route(APIGatewayProxyRequestEvent event) {
        String method = event.getHttpMethod() == null ? "" : event.getHttpMethod();
        String path = event.getPath() == null ? "" : event.getPath();
        Matcher predict = PREDICT.matcher(path);
        if (predict.matches()) {
            return "POST".equals(method) ? service.predict(model(event, predict), body(event))
                    : ApiResponse.error(405, "use POST for " + path);
        }
        Matcher describe = DESCRIBE.matcher(path);
        if (describe.matches()) {
            return "GET".equals(method) ? service.describe(model(event, describe))
                    : ApiResponse.error(405, "use GET for " + path);
        }
        return ApiResponse.error(404, "no such resource " + path + "; use POST /models/{model}/predict or GET /models/{model}");
    }

    /** The path parameter API Gateway extracted, else the one in the path (a twin may not set parameters). */
    private static String model(APIGatewayProxyRequestEvent event, Matcher path) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters != null && parameters.get("model") != null ? parameters.get("model") : path.group(1);
    }

    private static String body(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }

    private static String json(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
