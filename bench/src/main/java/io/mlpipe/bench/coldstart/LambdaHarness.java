package io.mlpipe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.bench.coldstart.crac.Core;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * The child JVM's main, on a class path of one function's deployment package and the bench's classes: what the Lambda
 * Java runtime does on a cold start. Loads and constructs the handler with its no-argument constructor, which reads the
 * process environment (init); with {@code primed}, runs the CRaC hooks as SnapStart does before its snapshot; then
 * handles two requests, reading the event and writing the answer as JSON like the runtime. Prints one line, {@link
 * #RESULT} then milliseconds since the JVM started and the two answers. Only JDK classes and the function's own jar
 * (Jackson, the Lambda core interfaces, org.crac's registrations) are used; the package itself stays untouched.
 *
 * <p>Arguments: handler class, {@code primed} or {@code plain}, first request file, second request file.
 */
public final class LambdaHarness {
    static final String RESULT = "mlpipe-coldstart-result ";

    private LambdaHarness() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long init = System.currentTimeMillis();
        if (args[1].equals("primed")) {
            Core.checkpointRestore();
        }
        long primed = System.currentTimeMillis();
        String first = invoke(handler, Files.readAllBytes(Path.of(args[2])));
        long firstDone = System.currentTimeMillis();
        String second = invoke(handler, Files.readAllBytes(Path.of(args[3])));
        long secondDone = System.currentTimeMillis();
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime(); // read last: its classes load after the clock stops
        ObjectMapper json = new ObjectMapper();
        System.out.println(RESULT + json.writeValueAsString(new Timings(main - jvm, init - jvm, primed - init,
                firstDone - primed, secondDone - firstDone, first, second)));
        System.exit(0); // the SDK's idle connection reaper must not hold the JVM
    }

    /** What the parent reads back. */
    record Timings(long jvmToMain, long jvmToInit, long priming, long first, long second, String firstAnswer,
                   String secondAnswer) {
    }

    /** The handler's handleRequest(input, Context), its input deserialized and its answer serialized as the runtime does. */
    private static String invoke(Object handler, byte[] event) throws Exception {
        Method method = Arrays.stream(handler.getClass().getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst().orElseThrow(() -> new NoSuchMethodException(handler.getClass() + "::handleRequest"));
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Object input = mapper.readValue(event, mapper.getTypeFactory().constructType(method.getGenericParameterTypes()[0]));
        Object output = method.invoke(handler, input, new HarnessContext());
        return mapper.writeValueAsString(output);
    }

    /** The invocation context, filled from the environment the function gets (as on Lambda). */
    private static final class HarnessContext implements Context {
        private final String requestId = UUID.randomUUID().toString();
        private final long deadline = System.currentTimeMillis() + 60_000;

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
        }

        @Override
        public String getLogStreamName() {
            return "coldstart";
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName() + ":live";
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
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.print(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
