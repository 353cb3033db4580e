package io.mlpipe.bench.inference;

import io.mlpipe.bench.Samples;
import io.mlpipe.sagemaker.hosting.PredictionFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;

/**
 * The limit of the load test: as many Java threads as wrk has connections, each building a DMatrix from the
 * request's floats and calling Booster.predict in a loop, for the same time. Latencies are kept in a uniform
 * sample of each thread's calls (a reservoir), so a long run holds a bounded number of them.
 */
final class DirectPredictions {
    private static final int RESERVOIR = 100_000;

    record Result(double p50Nanos, double p99Nanos, double predictionsPerSecond, long calls) {
    }

    private DirectPredictions() {
    }

    static Result run(Booster booster, PredictionFormat.Matrix matrix, int threads, double seconds) throws InterruptedException {
        long[][] reservoirs = new long[threads][];
        long[] counts = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] reservoir = new long[RESERVOIR];
                Random random = new Random(index);
                long calls = 0;
                try {
                    start.await();
                    long end = window[1];
                    long now = System.nanoTime();
                    while (now < end) {
                        DMatrix built = new DMatrix(matrix.values(), matrix.rows(), matrix.columns(), Float.NaN);
                        try {
                            booster.predict(built);
                        } finally {
                            built.dispose();
                        }
                        long after = System.nanoTime();
                        long slot = calls < RESERVOIR ? calls : (long) (random.nextDouble() * (calls + 1));
                        if (slot < RESERVOIR) {
                            reservoir[(int) slot] = after - now;
                        }
                        calls++;
                        now = after;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                reservoirs[index] = java.util.Arrays.copyOf(reservoir, (int) Math.min(calls, RESERVOIR));
                counts[index] = calls;
            }, "bench-direct-predict-" + t);
            workers.add(worker);
            worker.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - window[0];
        if (failure.get() != null) {
            throw new IllegalStateException("XGBoost4J predict failed on a bench thread: " + failure.get(), failure.get());
        }
        Samples samples = new Samples();
        long calls = 0;
        for (int t = 0; t < threads; t++) {
            calls += counts[t];
            for (long latency : reservoirs[t]) {
                samples.add(latency);
            }
        }
        return new Result(samples.median(), samples.percentile(99), calls / (elapsed / 1e9), calls);
    }
}
