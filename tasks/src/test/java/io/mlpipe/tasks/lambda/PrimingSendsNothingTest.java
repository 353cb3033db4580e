package io.mlpipe.tasks.lambda;

import com.sun.net.httpserver.HttpServer;
import io.mlpipe.tasks.inference.InferenceHandler;
import io.mlpipe.tasks.preprocess.PreprocessHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming runs each handler's whole path, AWS calls included, without a single request reaching AWS:
 * the functions' endpoint here is a server that counts what it receives.
 */
class PrimingSendsNothingTest {
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer aws;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        aws.start();
        env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + aws.getAddress().getPort(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "DATA_BUCKET", "mlpipe-data", "MODELS_TABLE", "models", "INFERENCE_LOG_TABLE", "inference-log");
    }

    @AfterAll
    static void stop() {
        aws.stop(0);
    }

    @Test
    void preprocessPrimesWithoutSendingARequest() {
        assertTrue(new PreprocessHandler(env).prime(), "priming completed (its failure is in the log above)");
        assertEquals(0, REQUESTS.get());
    }

    @Test
    void inferencePrimesWithoutSendingARequest() {
        assertTrue(new InferenceHandler(env).prime(), "priming completed (its failure is in the log above)");
        assertEquals(0, REQUESTS.get());
    }
}
