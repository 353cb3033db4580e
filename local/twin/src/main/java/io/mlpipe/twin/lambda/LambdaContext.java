package io.mlpipe.twin.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The Context a handler gets, as Lambda fills it; remaining time counts down to the function's timeout. */
final class LambdaContext implements Context {
    private final String requestId;
    private final FunctionConfig function;
    private final String version;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    LambdaContext(String requestId, FunctionConfig function, String version, long deadlineMillis, OutputStream log) {
        this.requestId = requestId;
        this.function = function;
        this.version = version;
        this.deadlineMillis = deadlineMillis;
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                out.print(message);
                out.flush();
            }

            @Override
            public void log(byte[] message) {
                out.write(message, 0, message.length);
                out.flush();
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace('-', '/') + "/[" + version + "]twin";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return version;
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
