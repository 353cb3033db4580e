package io.mlpipe.twin.edge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one listening port of the twin, on 127.0.0.1 only. Threads are not bounded: a request may wait on
 * another request to the same edge (a Lambda calling DynamoDB, a state machine calling a Lambda), and a
 * fixed pool could deadlock on that.
 */
public final class EdgeServer implements AutoCloseable {
    /**
     * The JDK server's switch for TCP_NODELAY on accepted connections (read once, when its first server is
     * made). Off, it writes a response's headers and body as separate small packets and Nagle's algorithm holds
     * the body until the client's delayed ACK (about 40 ms on Linux): every call the twin makes to itself
     * through the edge (each service task of the state machine, each Lambda's SDK call) took some 45 ms instead
     * of a few.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;

    private EdgeServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static EdgeServer start(int port, EdgeRouter router) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (java.net.BindException e) {
            throw new java.net.BindException("port " + port + " on 127.0.0.1 is in use (another twin?):"
                    + " choose another with --port or MLPIPE_PORT");
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mlpipe-edge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        return new EdgeServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
