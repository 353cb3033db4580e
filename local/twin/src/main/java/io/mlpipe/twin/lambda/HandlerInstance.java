package io.mlpipe.twin.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;

/**
 * One loaded handler (an instance per function, reused like a warm Lambda container), called the way
 * the Java runtime calls it: {@link RequestStreamHandler} with the raw bytes, otherwise the handler
 * method with its input deserialized to the parameter's type and its result serialized, by Jackson
 * (events types such as APIGatewayProxyRequestEvent map by their bean properties).
 */
final class HandlerInstance {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Object target;
    private final Method method;

    private HandlerInstance(Object target, Method method) {
        this.target = target;
        this.method = method;
    }

    /** Loads the class by name, with a {@code (Map<String,String> environment)} constructor if it has one. */
    static HandlerInstance load(FunctionConfig function, Map<String, String> environment) throws ReflectiveOperationException {
        Class<?> type = Class.forName(function.className(), true, Thread.currentThread().getContextClassLoader());
        Object target;
        try {
            Constructor<?> withEnvironment = type.getConstructor(Map.class);
            target = withEnvironment.newInstance(environment);
        } catch (NoSuchMethodException e) {
            target = type.getConstructor().newInstance();
        }
        return new HandlerInstance(target, method(type, function.methodName()));
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() <= 3)
                // the most specific overload: RequestHandler<I,O> also has a bridge handleRequest(Object, Context)
                .min((a, b) -> Integer.compare(b.getParameterCount(), a.getParameterCount()))
                .orElseThrow(() -> new NoSuchMethodException(type.getName() + "::" + name));
    }

    /** Runs the handler; exceptions it throws come out as they are (unwrapped). */
    byte[] invoke(byte[] payload, Context context) throws Exception {
        try {
            if (target instanceof RequestStreamHandler stream && method.getParameterCount() == 3) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(payload), out, context);
                return out.toByteArray();
            }
            Class<?>[] types = method.getParameterTypes();
            Type[] generic = method.getGenericParameterTypes();
            Object[] args = new Object[types.length];
            ByteArrayOutputStream streamed = null;
            for (int i = 0; i < types.length; i++) {
                if (Context.class.isAssignableFrom(types[i])) {
                    args[i] = context;
                } else if (InputStream.class.isAssignableFrom(types[i])) {
                    args[i] = new ByteArrayInputStream(payload);
                } else if (OutputStream.class.isAssignableFrom(types[i])) {
                    streamed = new ByteArrayOutputStream();
                    args[i] = streamed;
                } else {
                    args[i] = input(payload, MAPPER.getTypeFactory().constructType(generic[i]));
                }
            }
            Object result = method.invoke(target, args);
            if (streamed != null) {
                return streamed.toByteArray();
            }
            return method.getReturnType() == void.class ? "null".getBytes() : MAPPER.writeValueAsBytes(result);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Object input(byte[] payload, JavaType type) throws java.io.IOException {
        if (type.getRawClass() == String.class && (payload.length == 0 || payload[0] != '"')) {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
        return payload.length == 0 ? null : MAPPER.readValue(payload, type);
    }
}
