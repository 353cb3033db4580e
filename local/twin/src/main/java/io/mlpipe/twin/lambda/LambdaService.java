package io.mlpipe.twin.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.edge.AwsRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's API for the template's functions: Invoke ({@code POST /2015-03-31/functions/{name}/invocations}
 * with the invocation type RequestResponse: the answer, and {@code X-Amz-Function-Error} when the
 * function failed; Event: 202, runs in the background; DryRun: 204), and GetFunction / ListFunctions so
 * users can see what the template deployed.
 */
public final class LambdaService implements HttpHandler {
    public static final String PATH_PREFIX = "/2015-03-31/functions/";
    /** Every path this service answers: ListFunctions is {@code GET /2015-03-31/functions}, no slash. */
    public static final String PATHS = "/2015-03-31/functions(/.*)?";
    private static final Pattern INVOKE = Pattern.compile(PATH_PREFIX + "([^/]+)/invocations/?");
    private static final Pattern FUNCTION = Pattern.compile(PATH_PREFIX + "([^/]+)/?");

    private final LambdaFunctions functions;

    public LambdaService(LambdaFunctions functions) {
        this.functions = functions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        String qualifier = AwsRequests.query(exchange.getRequestURI().getRawQuery()).get("Qualifier");
        Matcher invoke = INVOKE.matcher(path);
        Matcher function = FUNCTION.matcher(path);
        if ("POST".equals(method) && invoke.matches()) {
            invoke(exchange, AwsRequests.decode(invoke.group(1)), qualifier);
        } else if ("GET".equals(method) && (path.equals(PATH_PREFIX) || (path + "/").equals(PATH_PREFIX))) {
            ObjectNode answer = Json.object();
            ArrayNode list = answer.putArray("Functions");
            functions.functions().values().stream().sorted(java.util.Comparator.comparing(FunctionConfig::name))
                    .forEach(f -> list.add(configuration(f, "$LATEST")));
            sendJson(exchange, answer);
        } else if ("GET".equals(method) && function.matches()) {
            LambdaFunctions.Resolved target = functions.resolve(AwsRequests.decode(function.group(1)), qualifier);
            ObjectNode answer = Json.object();
            answer.set("Configuration", configuration(target.function(), target.version()));
            sendJson(exchange, answer);
        } else {
            throw new AwsError(404, "UnknownOperationException", "The twin's Lambda serves Invoke, GetFunction and"
                    + " ListFunctions, not " + method + " " + path);
        }
    }

    private static ObjectNode configuration(FunctionConfig function, String version) {
        ObjectNode configuration = Json.object().put("FunctionName", function.name())
                .put("FunctionArn", function.arn()).put("Runtime", function.runtime()).put("Handler", function.handler())
                .put("Timeout", function.timeoutSeconds()).put("MemorySize", function.memoryMb())
                .put("Version", version).put("State", "Active").put("LastUpdateStatus", "Successful").put("PackageType", "Zip");
        ObjectNode variables = configuration.putObject("Environment").putObject("Variables");
        function.environment().forEach(variables::put);
        return configuration;
    }

    private static void sendJson(HttpExchange exchange, ObjectNode answer) throws IOException {
        HttpExchanges.send(exchange, 200, "application/json", Json.MAPPER.writeValueAsBytes(answer));
    }

    private void invoke(HttpExchange exchange, String name, String qualifier) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        byte[] payload = HttpExchanges.body(exchange);
        if ("Event".equals(type)) {
            functions.invokeAsync(name, qualifier, payload);
            HttpExchanges.send(exchange, 202, null, new byte[0]);
            return;
        }
        if ("DryRun".equals(type)) {
            functions.resolve(name, qualifier);
            HttpExchanges.send(exchange, 204, null, new byte[0]);
            return;
        }
        Invocation result = functions.invoke(name, qualifier, payload);
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", result.executedVersion());
        exchange.getResponseHeaders().set("x-amzn-RequestId", result.requestId());
        if (result.functionError() != null) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", result.functionError());
        }
        if ("Tail".equals(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"))) {
            byte[] log = result.log().getBytes(StandardCharsets.UTF_8);
            int from = Math.max(0, log.length - 4096);
            exchange.getResponseHeaders().set("X-Amz-Log-Result",
                    Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(log, from, log.length)));
        }
        HttpExchanges.send(exchange, 200, "application/json", result.payload());
    }
}
