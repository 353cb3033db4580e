package io.mlpipe.twin.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.HttpExchanges;
import io.mlpipe.twin.edge.AwsRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API: {@code POST /2015-03-31/functions/{name}/invocations} with the invocation type
 * RequestResponse (the answer, and {@code X-Amz-Function-Error} when the function failed), Event (202,
 * runs in the background) or DryRun (204).
 */
public final class LambdaService implements HttpHandler {
    public static final String PATH_PREFIX = "/2015-03-31/functions/";
    private static final Pattern INVOKE = Pattern.compile(PATH_PREFIX + "([^/]+)/invocations/?");

    private final LambdaFunctions functions;

    public LambdaService(LambdaFunctions functions) {
        this.functions = functions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher path = INVOKE.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
            throw new AwsError(404, "UnknownOperationException", "The twin's Lambda serves Invoke only");
        }
        String name = AwsRequests.decode(path.group(1));
        String qualifier = AwsRequests.query(exchange.getRequestURI().getRawQuery()).get("Qualifier");
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        byte[] payload = HttpExchanges.body(exchange);
        if ("Event".equals(type)) {
            functions.invokeAsync(name, qualifier, payload);
            HttpExchanges.send(exchange, 202, null, new byte[0]);
            return;
        }
        if ("DryRun".equals(type)) {
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
