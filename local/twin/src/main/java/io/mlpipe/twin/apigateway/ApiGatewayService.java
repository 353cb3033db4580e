package io.mlpipe.twin.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.lambda.Invocation;
import io.mlpipe.twin.lambda.LambdaFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's REST APIs at {@code /restapis/<apiId>/<stage>/_user_request_/<path>} (LocalStack's
 * form): route to the resource and method, validate, hand the Lambda proxy event to the function and
 * turn its answer back into HTTP, with API Gateway's own answers for what goes wrong ({@code 403 Missing
 * Authentication Token} for an unknown route, {@code 400} from validation, {@code 502 Internal server
 * error} for a failing or malformed Lambda answer). IAM authorization is not checked locally.
 */
public final class ApiGatewayService implements HttpHandler {
    public static final String PATH_PREFIX = "/restapis/";
    private static final Logger LOG = Logger.getLogger(ApiGatewayService.class.getName());
    private static final Pattern URL = Pattern.compile("/restapis/([^/]+)/([^/]+)/_user_request_(/.*)?");

    private final Map<String, RestApi> apis = new ConcurrentHashMap<>();
    private final LambdaFunctions lambdas;
    private final String account;
    private final RequestValidation validation = new RequestValidation();

    public ApiGatewayService(LambdaFunctions lambdas, String account) {
        this.lambdas = lambdas;
        this.account = account;
    }

    public void add(RestApi api) {
        apis.put(api.id(), api);
    }

    public Map<String, RestApi> apis() {
        return Map.copyOf(apis);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher url = URL.matcher(exchange.getRequestURI().getRawPath());
        RestApi api = url.matches() ? apis.get(url.group(1)) : null;
        if (api == null || !api.stages().containsKey(url.group(2))) {
            message(exchange, 404, "Not Found", null);
            return;
        }
        String stage = url.group(2);
        String path = url.group(3) == null ? "/" : url.group(3);
        String requestId = UUID.randomUUID().toString();
        Optional<PathMatch> match = PathMatch.find(api, path);
        Optional<RestApi.Method> method = match.flatMap(m -> api.method(m.resourceId(), exchange.getRequestMethod()));
        if (method.isEmpty()) {
            message(exchange, 403, "Missing Authentication Token", "MissingAuthenticationTokenException");
            return;
        }
        byte[] body = HttpExchanges.body(exchange);
        Optional<String> refused = validation.check(exchange, api, method.get(), match.get().pathParameters(), body);
        if (refused.isPresent()) {
            message(exchange, 400, refused.get(), "BadRequestException");
            return;
        }
        if (!"AWS_PROXY".equals(method.get().integrationType()) || method.get().functionArn() == null) {
            message(exchange, 500, "Internal server error: the twin serves Lambda proxy integrations only", null);
            return;
        }
        ObjectNode event = ProxyEvents.of(exchange, api, stage, match.get(), path, body, requestId, account);
        Invocation result = lambdas.invoke(method.get().functionArn(), null, Json.MAPPER.writeValueAsBytes(event));
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (result.functionError() != null) {
            LOG.warning("API " + api.id() + " " + path + ": Lambda failed: " + new String(result.payload(), StandardCharsets.UTF_8));
            message(exchange, 502, "Internal server error", null);
            return;
        }
        respond(exchange, result.payload());
    }

    /** Maps a proxy answer {statusCode, headers, multiValueHeaders, body, isBase64Encoded} back to HTTP. */
    private static void respond(HttpExchange exchange, byte[] payload) throws IOException {
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()
                && !answer.path("statusCode").asText().matches("\\d{3}")) {
            LOG.warning("malformed Lambda proxy response: " + new String(payload, StandardCharsets.UTF_8));
            message(exchange, 502, "Internal server error", null);
            return;
        }
        answer.path("multiValueHeaders").fields().forEachRemaining(header ->
                header.getValue().forEach(value -> exchange.getResponseHeaders().add(header.getKey(), value.asText())));
        answer.path("headers").fields().forEachRemaining(header ->
                exchange.getResponseHeaders().set(header.getKey(), header.getValue().asText()));
        exchange.getResponseHeaders().putIfAbsent("Content-Type", java.util.List.of("application/json"));
        String body = answer.path("body").isNull() ? "" : answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        HttpExchanges.send(exchange, Integer.parseInt(answer.path("statusCode").asText()), null, bytes);
    }

    private static void message(HttpExchange exchange, int status, String message, String errorType) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        HttpExchanges.send(exchange, status, "application/json",
                Json.MAPPER.writeValueAsBytes(Json.object().put("message", message)));
    }
}
