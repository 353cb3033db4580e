package io.mlpipe.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.twin.spi.LambdaInvoker;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::lambda:invoke} and plain function ARNs, through the twin's in-process Lambda.
 * The optimized integration answers Lambda's Invoke response ({@code Payload}, {@code StatusCode}, ...);
 * a plain function ARN answers the payload itself. A function error fails the task with the function's
 * {@code errorType} as the error and its error payload as the cause, as AWS does.
 */
final class LambdaTasks {
    private final LambdaInvoker lambda;

    LambdaTasks(LambdaInvoker lambda) {
        this.lambda = lambda;
    }

    JsonNode invoke(TaskRequest request) {
        if (request.functionArn() != null) {
            return payload(call(request.functionArn(), Json.write(request.parameters())));
        }
        JsonNode p = request.parameters();
        String function = p.path("FunctionName").asText(null);
        if (function == null) {
            throw new StatesError("States.Runtime", "lambda:invoke needs the parameter FunctionName");
        }
        if (p.hasNonNull("Qualifier")) {
            function = function + ":" + p.get("Qualifier").asText();
        }
        String payload = p.has("Payload") ? Json.write(p.get("Payload")) : "{}";
        if ("Event".equals(p.path("InvocationType").asText())) {
            String target = function;
            CompletableFuture.runAsync(() -> lambda.invoke(target, payload));
            return response(202, "", "$LATEST");
        }
        LambdaInvoker.Result result = call(function, payload);
        return response(200, result.payload(), result.executedVersion());
    }

    private LambdaInvoker.Result call(String function, String payload) {
        LambdaInvoker.Result result;
        try {
            result = lambda.invoke(function, payload);
        } catch (AwsError e) {
            throw new StatesError("Lambda." + e.code(), e.getMessage() + " (Service: Lambda, Status Code: " + e.status()
                    + ", Request ID: " + UUID.randomUUID() + ")");
        }
        if (result.functionError() != null) {
            JsonNode error = parseOrText(result.payload());
            throw new StatesError(error.path("errorType").asText("Lambda.Unknown"), result.payload());
        }
        return result;
    }

    private static JsonNode payload(LambdaInvoker.Result result) {
        return parseOrText(result.payload());
    }

    private static ObjectNode response(int status, String payload, String version) {
        ObjectNode o = Json.object().put("ExecutedVersion", version);
        o.set("Payload", parseOrText(payload));
        ObjectNode http = o.putObject("SdkHttpMetadata");
        http.putObject("AllHttpHeaders").putArray("X-Amz-Executed-Version").add(version);
        http.putObject("HttpHeaders").put("X-Amz-Executed-Version", version);
        http.put("HttpStatusCode", status);
        o.putObject("SdkResponseMetadata").put("RequestId", UUID.randomUUID().toString());
        return o.put("StatusCode", status);
    }

    /** Payloads that are JSON become JSON; anything else stays text. */
    private static JsonNode parseOrText(String text) {
        if (text == null || text.isEmpty()) {
            return Json.NODES.textNode("");
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return Json.NODES.textNode(text);
        }
    }
}
