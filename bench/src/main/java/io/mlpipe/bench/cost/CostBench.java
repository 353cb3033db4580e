package io.mlpipe.bench.cost;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;

/** Placeholder until this benchmark is built (issue 8). */
public final class CostBench implements Benchmark {
    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String summary() {
        return "not built yet";
    }

    @Override
    public String run(BenchContext context) {
        throw new UnsupportedOperationException("cost: not built yet");
    }
}
