package io.mlpipe.stepfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The tests' Lambda: answers {"echo": input}; an input with "fail" throws, as a handler's bad-data error would. */
public final class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Its simple name becomes the function error's errorType. */
    public static final class DataValidationError extends RuntimeException {
        public DataValidationError(String message) {
            super(message);
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (input != null && input.containsKey("fail")) {
            throw new DataValidationError("bad data: " + input.get("fail"));
        }
        return Map.of("echo", input == null ? Map.of() : input);
    }
}
