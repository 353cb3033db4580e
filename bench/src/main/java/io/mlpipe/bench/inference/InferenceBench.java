package io.mlpipe.bench.inference;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;

/** Placeholder until this benchmark is built (issue 8). */
public final class InferenceBench implements Benchmark {
    @Override
    public String name() {
        return "inference";
    }

    @Override
    public String summary() {
        return "not built yet";
    }

    @Override
    public String run(BenchContext context) {
        throw new UnsupportedOperationException("inference: not built yet");
    }
}
