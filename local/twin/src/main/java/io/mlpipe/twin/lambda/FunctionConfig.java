package io.mlpipe.twin.lambda;

import java.util.Map;

/**
 * A Lambda function of the template, as the twin runs it.
 *
 * @param handler {@code package.Class::method} or {@code package.Class}
 * @param environment the function's own variables (the twin adds the AWS ones when it invokes)
 */
public record FunctionConfig(String name, String arn, String handler, String runtime, int timeoutSeconds,
                             int memoryMb, Map<String, String> environment) {
    public FunctionConfig {
        environment = Map.copyOf(environment);
    }

    public String className() {
        int at = handler.indexOf("::");
        return at < 0 ? handler : handler.substring(0, at);
    }

    /** The handler method's name: {@code handleRequest} unless the handler string names another. */
    public String methodName() {
        int at = handler.indexOf("::");
        return at < 0 ? "handleRequest" : handler.substring(at + 2);
    }
}
