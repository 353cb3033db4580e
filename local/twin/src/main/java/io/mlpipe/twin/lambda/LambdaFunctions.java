package io.mlpipe.twin.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The twin's Lambda functions, run in-process: each invocation gets a real Context, the function's
 * environment plus what Lambda adds (region, credentials, and {@code AWS_ENDPOINT_URL} = the edge, so
 * the SDK clients inside call the twin), its timeout enforced, and its output appended to its log.
 */
public final class LambdaFunctions implements AutoCloseable {
    private final Map<String, FunctionConfig> functions = new ConcurrentHashMap<>();
    /** function name -> qualifier (version or alias) -> version */
    private final Map<String, Map<String, String>> qualifiers = new ConcurrentHashMap<>();
    private final Map<String, HandlerInstance> instances = new ConcurrentHashMap<>();
    private final FunctionLogs logs;
    private final URI endpoint;
    private final String region;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mlpipe-lambda");
        thread.setDaemon(true);
        return thread;
    });

    public LambdaFunctions(FunctionLogs logs, URI endpoint, String region) {
        this.logs = logs;
        this.endpoint = endpoint;
        this.region = region;
    }

    public void add(FunctionConfig function) {
        functions.put(function.name(), function);
        instances.remove(function.name());
        qualifiers.computeIfAbsent(function.name(), n -> new ConcurrentHashMap<>()).put("$LATEST", "$LATEST");
    }

    /** A published version or an alias: {@code qualifier} then runs {@code version} (the same code here). */
    public void qualifier(String functionName, String qualifier, String version) {
        qualifiers.computeIfAbsent(functionName, n -> new ConcurrentHashMap<>()).put(qualifier, version);
    }

    public Map<String, FunctionConfig> functions() {
        return Map.copyOf(functions);
    }

    public FunctionLogs logs() {
        return logs;
    }

    /**
     * @param nameOrArn {@code name}, {@code name:qualifier}, {@code account:function:name} or a full ARN
     * @param qualifier the Qualifier parameter, or null
     */
    public Invocation invoke(String nameOrArn, String qualifier, byte[] payload) {
        Resolved target = resolve(nameOrArn, qualifier);
        return run(target.function(), target.version(), payload);
    }

    /**
     * An Event invocation: resolved now (an unknown function fails the caller), run in the background on
     * the functions' own threads; its outcome is only in the function's log, as with Lambda.
     */
    public void invokeAsync(String nameOrArn, String qualifier, byte[] payload) {
        Resolved target = resolve(nameOrArn, qualifier);
        runner.submit(() -> run(target.function(), target.version(), payload));
    }

    /** Finds the function and version a name (with or without qualifier) denotes, or fails as Lambda does. */
    public Resolved resolve(String nameOrArn, String qualifier) {
        String[] parts = nameOrArn.split(":");
        int at = Arrays.asList(parts).indexOf("function");
        String name = at >= 0 ? parts[at + 1] : parts[0];
        String inline = at >= 0 ? (parts.length > at + 2 ? parts[at + 2] : null) : (parts.length > 1 ? parts[1] : null);
        String wanted = qualifier != null ? qualifier : inline != null ? inline : "$LATEST";
        FunctionConfig function = functions.get(name);
        String version = function == null ? null : qualifiers.getOrDefault(name, Map.of()).get(wanted);
        if (function == null || version == null) {
            throw new AwsError(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:" + region
                    + ":000000000000:function:" + name + (wanted.equals("$LATEST") ? "" : ":" + wanted));
        }
        return new Resolved(function, version);
    }

    public record Resolved(FunctionConfig function, String version) {
    }

    private Invocation run(FunctionConfig function, String version, byte[] payload) {
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (OutputStream file = logs.open(function.name()); OutputStream log = new Tee(file, captured)) {
            line(log, "START RequestId: " + requestId + " Version: " + version);
            long started = System.nanoTime();
            Future<byte[]> call = runner.submit(() -> {
                FunctionLogs.attach(log);
                try {
                    HandlerInstance handler = instance(function);
                    return handler.invoke(payload, new LambdaContext(requestId, function, version, deadline, log));
                } finally {
                    System.out.flush();
                    System.err.flush();
                    FunctionLogs.detach();
                }
            });
            Invocation result;
            try {
                byte[] answer = call.get(function.timeoutSeconds(), TimeUnit.SECONDS);
                result = new Invocation(requestId, answer, null, version, null);
            } catch (TimeoutException e) {
                call.cancel(true);
                String message = "RequestId: " + requestId + " Error: Task timed out after "
                        + String.format("%.2f", (double) function.timeoutSeconds()) + " seconds";
                line(log, Instant.now() + " " + message);
                result = new Invocation(requestId, error("Sandbox.Timedout", message, new StackTraceElement[0]),
                        "Unhandled", version, null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                log.write(trace.toString().getBytes(StandardCharsets.UTF_8));
                // the Java runtime's errorType is the fully qualified class name ("java.lang.Exception")
                result = new Invocation(requestId, error(cause.getClass().getName(), cause.getMessage(),
                        cause.getStackTrace()), "Unhandled", version, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                throw new IllegalStateException("interrupted while invoking " + function.name());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            line(log, "END RequestId: " + requestId);
            line(log, "REPORT RequestId: " + requestId + "\tDuration: " + millis + " ms\tBilled Duration: " + millis
                    + " ms\tMemory Size: " + function.memoryMb() + " MB");
            return new Invocation(requestId, result.payload(), result.functionError(), version,
                    captured.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HandlerInstance instance(FunctionConfig function) throws ReflectiveOperationException {
        HandlerInstance existing = instances.get(function.name());
        if (existing != null) {
            return existing;
        }
        HandlerInstance loaded = HandlerInstance.load(function, environment(function));
        instances.put(function.name(), loaded);
        return loaded;
    }

    /** The environment Lambda gives the function: its own variables plus the runtime's. */
    public Map<String, String> environment(FunctionConfig function) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        env.putIfAbsent("AWS_EMF_ENVIRONMENT", "Local");
        env.putIfAbsent("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        return env;
    }

    /** Lambda's function error payload: errorType is the exception's simple class name. */
    static byte[] error(String type, String message, StackTraceElement[] stack) {
        ObjectNode error = Json.object().put("errorMessage", message).put("errorType", type);
        ArrayNode trace = error.putArray("stackTrace");
        Arrays.stream(stack).limit(50).forEach(frame -> trace.add(frame.toString()));
        try {
            return Json.MAPPER.writeValueAsBytes(error);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void line(OutputStream log, String text) throws IOException {
        log.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        log.flush();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** Writes to the function's log file and to this invocation's capture (for X-Amz-Log-Type: Tail). */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
