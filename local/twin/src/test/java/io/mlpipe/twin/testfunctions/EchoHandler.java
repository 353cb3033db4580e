package io.mlpipe.twin.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** A POJO handler like the tasks' ones: environment through the constructor, Map in and out. */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Map<String, String> environment;

    public EchoHandler(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        System.out.println("echo handler got " + input);
        System.out.println("{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"test\",\"Metrics\":[{\"Name\":\"Echoes\"}]}]},\"Echoes\":1}");
        context.getLogger().log("logged through the context\n");
        if (input.containsKey("fail")) {
            throw new DataValidationError(String.valueOf(input.get("fail")));
        }
        if (input.containsKey("sleepMillis")) {
            try {
                Thread.sleep(((Number) input.get("sleepMillis")).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("input", input);
        output.put("table", environment.get("RUNS_TABLE"));
        output.put("endpoint", environment.get("AWS_ENDPOINT_URL"));
        output.put("functionName", context.getFunctionName());
        output.put("functionVersion", context.getFunctionVersion());
        output.put("memory", context.getMemoryLimitInMB());
        output.put("remainingMillis", context.getRemainingTimeInMillis());
        output.put("requestId", context.getAwsRequestId());
        return output;
    }

    /** A domain error: the Java runtime reports its fully qualified class name as errorType. */
    public static class DataValidationError extends RuntimeException {
        public DataValidationError(String message) {
            super(message);
        }
    }
}
