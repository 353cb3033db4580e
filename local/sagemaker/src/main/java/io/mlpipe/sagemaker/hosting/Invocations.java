package io.mlpipe.sagemaker.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SageMaker runtime's InvokeEndpoint ({@code POST /endpoints/{name}/invocations}, REST JSON errors). The
 * container's own errors come back as AWS wraps them: HTTP 424 ModelError with the original status and message.
 */
public final class Invocations implements HttpHandler {
    private static final Pattern PATH = Pattern.compile("^/endpoints/([^/]+)/invocations/?$");

    private final Endpoints endpoints;
    private final Deployments deployments;
    private final String account;

    public Invocations(Endpoints endpoints, Deployments deployments, String account) {
        this.endpoints = endpoints;
        this.deployments = deployments;
        this.account = account;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher m = PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
            error(exchange, 404, "UnknownOperationException", "Expected POST /endpoints/{name}/invocations", null);
            return;
        }
        String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        byte[] body = HttpExchanges.body(exchange);
        Optional<LoadedModel> model = deployments.serving(name);
        if (model.isEmpty()) {
            String message = endpoints.get(name).isPresent()
                    ? "Endpoint " + name + " of account " + account + " is not InService: its status is "
                            + endpoints.get(name).get().path("EndpointStatus").asText() + "."
                    : "Endpoint " + name + " of account " + account + " not found.";
            error(exchange, 400, "ValidationError", message, null);
            return;
        }
        LoadedModel loaded = model.get();
        try {
            String answerType = PredictionFormat.answerType(exchange.getRequestHeaders().getFirst("Accept"));
            if (body.length == 0) {
                // the container answers an empty payload with 204, which AWS passes on as a model error
                modelError(exchange, 204, "", loaded);
                return;
            }
            PredictionFormat.Matrix matrix = PredictionFormat.parse(body,
                    exchange.getRequestHeaders().getFirst("Content-Type"), loaded.features());
            if (matrix.columns() != loaded.features()) {
                modelError(exchange, 400, "Feature size of csv inference data " + matrix.columns()
                        + " is not consistent with feature size of trained model " + loaded.features(), loaded);
                return;
            }
            float[][] predictions = loaded.predict(matrix.values(), matrix.rows(), matrix.columns());
            exchange.getResponseHeaders().set("x-Amzn-Invoked-Production-Variant", loaded.variantName());
            HttpExchanges.send(exchange, 200, answerType, PredictionFormat.format(predictions, answerType));
        } catch (PredictionFormat.UnsupportedInput e) {
            modelError(exchange, 415, e.getMessage(), loaded);
        } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
            modelError(exchange, 400, "Unable to evaluate payload provided: " + e.getMessage(), loaded);
        }
    }

    private void modelError(HttpExchange exchange, int originalStatus, String originalMessage, LoadedModel model)
            throws IOException {
        ObjectNode extra = Json.object().put("OriginalStatusCode", originalStatus).put("OriginalMessage", originalMessage);
        error(exchange, 424, "ModelError", "Received client error (" + originalStatus + ") from primary with message \""
                + originalMessage + "\". See the model's log in the local SageMaker (model " + model.modelName()
                + ") for more information.", extra);
    }

    private static void error(HttpExchange exchange, int status, String code, String message, ObjectNode extra)
            throws IOException {
        ObjectNode body = Json.object().put("message", message);
        if (extra != null) {
            body.setAll(extra);
        }
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", code);
        HttpExchanges.send(exchange, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }
}
